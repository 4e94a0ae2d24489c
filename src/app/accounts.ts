import { conflict, DomainError, invalid } from '../domain/errors.ts'
import type { Actor } from '../domain/permissions.ts'
import type { Organisation, Role } from '../domain/types.ts'
import type { Repos } from '../store/repos.ts'
import { type Deps, isoNow } from './deps.ts'
import { checkPassword, hashPassword, hashToken, newToken } from './secrets.ts'

const SESSION_DAYS = 14
const SETUP_HOURS = 24
const INVITE_DAYS = 7
const DAY = 86_400_000

const later = (deps: Deps, ms: number) => new Date(deps.now().getTime() + ms).toISOString()

/**
 * [U1] With no staff account yet, issues a one-time setup link for the first admin (earlier
 * unused links stop working). Returns null once anyone has an account.
 */
export async function issueSetupLink(deps: Deps): Promise<string | null> {
  return deps.store.transaction(async (tx) => {
    if ((await tx.users.count()) > 0) return null
    const token = newToken()
    const now = isoNow(deps)
    await tx.tokens.revokeSetup(now)
    await tx.tokens.insert(
      hashToken(token),
      {
        kind: 'setup',
        orgId: null,
        email: null,
        role: null,
        expiresAt: later(deps, SETUP_HOURS * 3_600_000),
      },
      now,
    )
    return `${deps.publicUrl}/setup?token=${token}`
  })
}

export interface NewOrganisation {
  name: string
  slug: string
  timeZone: string
}

export function defaultOrganisation(deps: Deps, o: NewOrganisation): Organisation {
  return {
    id: deps.newId(),
    slug: o.slug,
    name: o.name,
    timeZone: o.timeZone,
    logoUrl: null,
    brandColour: '#1d4f91',
    emergencyGuidance:
      'In an emergency, when life is at risk or a crime is happening now, call 999. To report something that is not an emergency, call 101 or report it online.',
    createdAt: isoNow(deps),
  }
}

async function createUser(
  tx: Repos,
  deps: Deps,
  u: { email: string; name: string; password: string },
) {
  if (await tx.users.findByEmail(u.email))
    throw conflict('email_taken', 'An account with this email already exists.')
  const user = {
    id: deps.newId(),
    email: u.email,
    name: u.name,
    passwordHash: await hashPassword(u.password),
    createdAt: isoNow(deps),
  }
  await tx.users.insert(user)
  return user
}

async function assertSlugFree(tx: Repos, slug: string) {
  if (await tx.organisations.findBySlug(slug))
    throw conflict('slug_taken', 'That web address is already taken.')
}

/** [U1] Redeems the setup link: creates the first admin and their organisation, once. */
export async function completeSetup(
  deps: Deps,
  input: {
    token: string
    email: string
    name: string
    password: string
    organisation: NewOrganisation
  },
) {
  const passwordHash = await hashPassword(input.password)
  return deps.store.transaction(async (tx) => {
    const now = isoNow(deps)
    const token = await tx.tokens.consume(hashToken(input.token), now)
    if (token?.kind !== 'setup' || (await tx.users.count()) > 0) {
      throw new DomainError(
        'forbidden',
        'setup_link_invalid',
        'This setup link has been used or has expired.',
      )
    }
    await assertSlugFree(tx, input.organisation.slug)
    const org = defaultOrganisation(deps, input.organisation)
    await tx.organisations.insert(org)
    const user = {
      id: deps.newId(),
      email: input.email,
      name: input.name,
      passwordHash,
      createdAt: now,
    }
    await tx.users.insert(user)
    await tx.users.setMembership(org.id, user.id, 'admin', now)
    return { userId: user.id, org }
  })
}

/** [U2] An admin invites someone by email; the link lets them choose a password and join with `role`. */
export async function inviteMember(
  deps: Deps,
  orgId: string,
  email: string,
  role: Role,
): Promise<string> {
  const token = newToken()
  await deps.store.transaction((tx) =>
    tx.tokens.insert(
      hashToken(token),
      { kind: 'invite', orgId, email, role, expiresAt: later(deps, INVITE_DAYS * DAY) },
      isoNow(deps),
    ),
  )
  return `${deps.publicUrl}/invite?token=${token}`
}

/**
 * [U2] Redeems an invitation: a new account, or an existing one joining another organisation.
 * Someone already in the organisation keeps their role.
 */
export async function acceptInvite(
  deps: Deps,
  input: { token: string; name: string; password: string },
) {
  return deps.store.transaction(async (tx) => {
    const now = isoNow(deps)
    const token = await tx.tokens.consume(hashToken(input.token), now)
    if (token?.kind !== 'invite' || !token.orgId || !token.email || !token.role) {
      throw new DomainError(
        'forbidden',
        'invite_invalid',
        'This invitation has been used or has expired.',
      )
    }
    const existing = await tx.users.findByEmail(token.email)
    if (existing && !(await checkPassword(existing.passwordHash, input.password))) {
      throw new DomainError(
        'forbidden',
        'invite_password',
        'This email already has an account: enter its password to join.',
      )
    }
    const user =
      existing ??
      (await createUser(tx, deps, {
        email: token.email,
        name: input.name,
        password: input.password,
      }))
    // An invitation adds a member; it never changes the role of someone already in (U6: an old
    // invitation must not demote the last admin). Roles change through setMemberRole.
    const roles = await tx.users.roles(user.id)
    if (!roles.has(token.orgId)) await tx.users.setMembership(token.orgId, user.id, token.role, now)
    return { userId: user.id }
  })
}

const unknownUserHash = hashPassword(newToken())

/** [U3] Signs in with email and password; the same answer for a wrong email or a wrong password. */
export async function login(deps: Deps, email: string, password: string) {
  const user = await deps.store.read.users.findByEmail(email)
  // An unknown email still costs one argon2 verification, so timing does not tell it apart.
  const ok = await checkPassword(user?.passwordHash ?? (await unknownUserHash), password)
  if (!user || !ok)
    throw new DomainError('unauthenticated', 'bad_credentials', 'Email or password is wrong.')
  return startSession(deps, user.id)
}

export async function startSession(deps: Deps, userId: string) {
  const sessionId = newToken()
  const csrfToken = newToken()
  const now = isoNow(deps)
  await deps.store.transaction((tx) =>
    tx.sessions.insert({
      idHash: hashToken(sessionId),
      userId,
      csrfToken,
      createdAt: now,
      expiresAt: later(deps, SESSION_DAYS * DAY),
    }),
  )
  return { sessionId, csrfToken, maxAgeSeconds: SESSION_DAYS * 86_400 }
}

/** [U4] Logging out deletes the session on the server, so a copied cookie stops working too. */
export async function logout(deps: Deps, sessionId: string): Promise<void> {
  await deps.store.transaction((tx) => tx.sessions.delete(hashToken(sessionId)))
}

/** The signed-in member behind a session cookie, or null. */
export async function resolveSession(
  deps: Deps,
  sessionId: string,
): Promise<{ actor: Actor; csrfToken: string; email: string } | null> {
  const s = await deps.store.read.sessions.find(hashToken(sessionId), isoNow(deps))
  if (!s) return null
  const roles = await deps.store.read.users.roles(s.userId)
  return {
    actor: { userId: s.userId, name: s.name, roles },
    csrfToken: s.csrfToken,
    email: s.email,
  }
}

/** [U5] Admin adds an account directly (CLI), returning an invitation link for its password. */
export async function addUser(
  deps: Deps,
  orgSlug: string,
  email: string,
  role: Role,
): Promise<string> {
  const org = await deps.store.read.organisations.findBySlug(orgSlug)
  if (!org) throw invalid('unknown_org', `No organisation "${orgSlug}".`, 'org')
  return inviteMember(deps, org.id, email, role)
}
