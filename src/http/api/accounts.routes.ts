import { z } from 'zod'
import { acceptInvite, completeSetup, login, logout, startSession } from '../../app/accounts.ts'
import type { Deps } from '../../app/deps.ts'
import { myOrganisations } from '../../app/organisations.ts'
import { enforce, signInLimits } from '../rate-limit.ts'
import { route } from '../route.ts'
import { clearSessionCookie, setSessionCookie } from '../session.ts'
import { Email, Name, Password, Slug } from './common.schema.ts'
import type { PublicLimits } from './questions.routes.ts'

const TimeZone = z
  .string()
  .refine(
    (tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC',
    'unknown time zone',
  )

export const NewOrganisation = z.object({
  name: Name,
  slug: Slug,
  timeZone: TimeZone.default('Europe/London'),
})

export const SetupBody = z.object({
  token: z.string().min(10),
  email: Email,
  name: Name,
  password: Password,
  organisation: NewOrganisation,
})

export const AcceptInviteBody = z.object({
  token: z.string().min(10),
  name: Name,
  password: Password,
})

const SessionReply = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  csrfToken: z.string(),
  organisations: z.array(z.object({ slug: z.string(), name: z.string(), role: z.string() })),
})

export const accountRoutes = (deps: Deps, limits: PublicLimits) => [
  route({
    method: 'POST',
    url: '/api/v1/setup',
    tag: 'accounts',
    summary: 'Redeem the one-time setup link: create the first admin and their organisation',
    auth: 'public',
    status: 201,
    body: SetupBody,
    handler: async ({ body, reply }) => {
      const { userId, org } = await completeSetup(deps, body)
      const s = await startSession(deps, userId)
      setSessionCookie(reply, s.sessionId, s.maxAgeSeconds)
      return { organisation: { slug: org.slug, name: org.name }, csrfToken: s.csrfToken }
    },
  }),
  route({
    method: 'POST',
    url: '/api/v1/invites/accept',
    tag: 'accounts',
    summary: 'Accept an invitation to join an organisation',
    auth: 'public',
    status: 201,
    body: AcceptInviteBody,
    handler: async ({ body, reply }) => {
      const { userId } = await acceptInvite(deps, body)
      const s = await startSession(deps, userId)
      setSessionCookie(reply, s.sessionId, s.maxAgeSeconds)
      return { csrfToken: s.csrfToken }
    },
  }),
  route({
    method: 'POST',
    url: '/api/v1/session',
    tag: 'accounts',
    summary: 'Sign in',
    auth: 'public',
    body: z.object({ email: Email, password: z.string().min(1).max(200) }),
    handler: async ({ body, req, reply }) => {
      await enforce(limits.limiter, signInLimits(req.ip, body.email), limits.windowMs)
      const s = await login(deps, body.email, body.password)
      setSessionCookie(reply, s.sessionId, s.maxAgeSeconds)
      return { csrfToken: s.csrfToken }
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/session',
    tag: 'accounts',
    summary: 'Who is signed in, their organisations and the CSRF token for state-changing requests',
    auth: 'staff',
    response: SessionReply,
    handler: async ({ req, actor }) => {
      const s = req.staff as NonNullable<typeof req.staff>
      const orgs = await myOrganisations(deps, actor)
      return {
        user: { id: actor.userId, name: actor.name, email: s.email },
        csrfToken: s.csrfToken,
        organisations: orgs.map((o) => ({ slug: o.slug, name: o.name, role: o.role })),
      }
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/v1/session',
    tag: 'accounts',
    summary: 'Sign out (the session stops working everywhere)',
    auth: 'staff',
    handler: async ({ req, reply }) => {
      await logout(deps, (req.staff as NonNullable<typeof req.staff>).sessionId)
      clearSessionCookie(reply)
      return undefined
    },
  }),
]
