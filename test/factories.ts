import {
  acceptInvite,
  completeSetup,
  inviteMember,
  issueSetupLink,
  resolveSession,
  startSession,
} from '../src/app/accounts.ts'
import { createChat, hostMovesChat } from '../src/app/chats.ts'
import type { Deps } from '../src/app/deps.ts'
import { createOrganisation } from '../src/app/organisations.ts'
import { hashPassword } from '../src/app/secrets.ts'
import type { Actor } from '../src/domain/permissions.ts'
import type { Chat, Role } from '../src/domain/types.ts'

const tokenOf = (link: string) => new URL(link).searchParams.get('token') as string

export const PASSWORD = 'correct horse battery staple'

/**
 * An organisation and its admin: the first through the real setup link, later ones founded by a
 * new account of their own (so organisations share no members). Returns an existing one by slug.
 */
export async function organisation(deps: Deps, slug = 'gmp', email = `admin@${slug}.test`) {
  const existing = await deps.store.read.organisations.findBySlug(slug)
  if (existing) {
    const admin = (await deps.store.read.users.members(existing.id)).find((m) => m.role === 'admin')
    if (!admin) throw new Error(`${slug} has no admin`)
    return { org: existing, admin: await actorOf(deps, admin.userId) }
  }
  const link = await issueSetupLink(deps)
  if (link) {
    const { userId, org } = await completeSetup(deps, {
      token: tokenOf(link),
      email,
      name: 'Ada Admin',
      password: PASSWORD,
      organisation: { name: `Org ${slug}`, slug, timeZone: 'Europe/London' },
    })
    return { org, admin: await actorOf(deps, userId) }
  }
  const userId = deps.newId()
  const passwordHash = await hashPassword(PASSWORD)
  await deps.store.transaction((tx) =>
    tx.users.insert({
      id: userId,
      email,
      name: 'Ada Admin',
      passwordHash,
      createdAt: deps.now().toISOString(),
    }),
  )
  const org = await createOrganisation(deps, await actorOf(deps, userId), {
    name: `Org ${slug}`,
    slug,
    timeZone: 'Europe/London',
  })
  return { org, admin: await actorOf(deps, userId) }
}

export async function member(
  deps: Deps,
  orgId: string,
  role: Role,
  email: string,
  name = email.split('@')[0] ?? 'x',
): Promise<Actor> {
  const link = await inviteMember(deps, orgId, email, role)
  const { userId } = await acceptInvite(deps, { token: tokenOf(link), name, password: PASSWORD })
  return actorOf(deps, userId)
}

export async function actorOf(deps: Deps, userId: string): Promise<Actor> {
  const s = await startSession(deps, userId)
  const r = await resolveSession(deps, s.sessionId)
  if (!r) throw new Error('no session')
  return r.actor
}

const HOUR = 3_600_000

/** A chat in the given state, timed around the deps clock. */
export async function chat(
  deps: Deps,
  host: Actor,
  orgSlug: string,
  state: 'draft' | 'scheduled' | 'live' | 'closed' = 'live',
  slug = 'dogs-chat',
): Promise<Chat> {
  const now = deps.now().getTime()
  let c = await createChat(deps, host, orgSlug, {
    slug,
    title: 'Dangerous dogs law',
    theme: 'XL Bully exemptions',
    hashtag: '#askGMP',
    description: 'Ask our dog legislation officers.',
    opensAt: new Date(now - 24 * HOUR).toISOString(),
    startsAt: new Date(now + HOUR).toISOString(),
    endsAt: new Date(now + 3 * HOUR).toISOString(),
  })
  if (state === 'draft') return c
  c = await hostMovesChat(deps, host, slug, 'scheduled')
  if (state === 'scheduled') return c
  c = await hostMovesChat(deps, host, slug, 'live')
  if (state === 'live') return c
  return hostMovesChat(deps, host, slug, 'closed')
}
