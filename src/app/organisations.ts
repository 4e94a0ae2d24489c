import { conflict, notFound } from '../domain/errors.ts'
import type { Actor } from '../domain/permissions.ts'
import type { Organisation, Role } from '../domain/types.ts'
import { orgFor } from './access.ts'
import { defaultOrganisation, inviteMember, type NewOrganisation } from './accounts.ts'
import { type Deps, isoNow } from './deps.ts'

/** [O1] Any signed-in member may start a new organisation, and becomes its admin. */
export async function createOrganisation(
  deps: Deps,
  actor: Actor,
  input: NewOrganisation,
): Promise<Organisation> {
  const org = defaultOrganisation(deps, input)
  await deps.store.transaction(async (tx) => {
    if (await tx.organisations.findBySlug(org.slug))
      throw conflict('slug_taken', 'That web address is already taken.')
    await tx.organisations.insert(org)
    await tx.users.setMembership(org.id, actor.userId, 'admin', isoNow(deps))
  })
  return org
}

export type OrganisationSettings = Partial<
  Pick<Organisation, 'name' | 'timeZone' | 'logoUrl' | 'brandColour' | 'emergencyGuidance'>
>

export async function updateOrganisation(
  deps: Deps,
  actor: Actor,
  slug: string,
  changes: OrganisationSettings,
) {
  return deps.store.transaction(async (tx) => {
    const org = await orgFor(tx, actor, slug, 'org.manage')
    const next = { ...org, ...changes }
    await tx.organisations.update(next)
    return next
  })
}

export async function myOrganisations(deps: Deps, actor: Actor) {
  const orgs = await deps.store.read.organisations.listByIds([...actor.roles.keys()])
  return orgs.map((o) => ({ ...o, role: actor.roles.get(o.id) as Role }))
}

export async function getOrganisation(deps: Deps, actor: Actor, slug: string) {
  return orgFor(deps.store.read, actor, slug, 'org.view')
}

export async function listMembers(deps: Deps, actor: Actor, slug: string) {
  const org = await orgFor(deps.store.read, actor, slug, 'org.view')
  return deps.store.read.users.members(org.id)
}

/** [U2] Admins invite members; the link is returned once, to be sent by the admin. */
export async function invite(deps: Deps, actor: Actor, slug: string, email: string, role: Role) {
  const org = await orgFor(deps.store.read, actor, slug, 'member.manage')
  return { inviteUrl: await inviteMember(deps, org.id, email, role) }
}

/** [U6] Admins change roles; an organisation always keeps at least one admin. */
export async function setMemberRole(
  deps: Deps,
  actor: Actor,
  slug: string,
  userId: string,
  role: Role | null,
) {
  await deps.store.transaction(async (tx) => {
    const org = await orgFor(tx, actor, slug, 'member.manage')
    // [U6] Two admins demoting each other at once must not leave the organisation without one:
    // the lock makes the second see the first's change, and its actor's current role.
    await tx.organisations.lock(org.id)
    const members = await tx.users.members(org.id)
    if (members.find((m) => m.userId === actor.userId)?.role !== 'admin')
      throw notFound('Organisation')
    const member = members.find((m) => m.userId === userId)
    if (!member) throw notFound('Member')
    const admins = members.filter((m) => m.role === 'admin' && m.userId !== userId)
    if (member.role === 'admin' && role !== 'admin' && admins.length === 0) {
      throw conflict('last_admin', 'An organisation needs at least one admin.')
    }
    if (role) await tx.users.setMembership(org.id, userId, role, isoNow(deps))
    else await tx.users.removeMembership(org.id, userId)
  })
}

/** The public face of an organisation: no members, no drafts. */
export async function publicOrganisation(deps: Deps, slug: string) {
  const org = await deps.store.read.organisations.findBySlug(slug)
  if (!org) throw notFound('Organisation')
  const chats = await deps.store.read.chats.listByOrg(org.id, ['scheduled', 'live', 'closed'])
  return { org, chats }
}
