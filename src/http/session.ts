import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { resolveSession } from '../app/accounts.ts'
import type { Deps } from '../app/deps.ts'
import { keyedHash } from '../app/secrets.ts'
import { DomainError } from '../domain/errors.ts'
import type { Actor } from '../domain/permissions.ts'

export const SESSION_COOKIE = 'askhour_session'
const VISITOR_COOKIE = 'askhour_visitor'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export interface StaffSession {
  actor: Actor
  csrfToken: string
  email: string
  sessionId: string
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffSession | null
  }
}

/**
 * No Origin (curl, server-to-server, old browsers) is allowed; an Origin must name this site, by
 * its public address or the Host it was reached on. "null" (sandboxed frames, privacy redirects)
 * and unparsable values are refused.
 */
function sameSite(
  origin: string | undefined,
  host: string | undefined,
  publicHost: string,
): boolean {
  if (origin === undefined) return true
  try {
    const from = new URL(origin).host
    return from === publicHost || from === host
  } catch {
    return false
  }
}

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Resolves the staff session cookie on every request, and refuses state-changing requests sent
 * from another site's page (Origin check), the first of two CSRF defences.
 */
export function installSessions(app: FastifyInstance, deps: Deps, opts: { secure: boolean }): void {
  const publicHost = new URL(deps.publicUrl).host
  app.decorateRequest('staff', null)
  app.addHook('onRequest', async (req) => {
    if (UNSAFE.has(req.method) && !sameSite(req.headers.origin, req.headers.host, publicHost)) {
      throw new DomainError(
        'forbidden',
        'cross_origin',
        'Requests from other sites are not accepted.',
      )
    }
    const sid = req.cookies[SESSION_COOKIE]
    if (!sid) return
    const s = await resolveSession(deps, sid)
    req.staff = s && { ...s, sessionId: sid }
  })
  app.decorateReply('secureCookies', opts.secure)
}

declare module 'fastify' {
  interface FastifyReply {
    secureCookies: boolean
  }
}

/**
 * The signed-in member, or a 401. State-changing requests must also echo the session's CSRF token
 * in `x-csrf-token` (or the `_csrf` form field), the second CSRF defence.
 */
export function requireStaff(req: FastifyRequest): Actor {
  const s = req.staff
  if (!s) throw new DomainError('unauthenticated', 'unauthenticated', 'Please sign in.')
  if (UNSAFE.has(req.method)) {
    const body = req.body as { _csrf?: unknown } | undefined
    const sent =
      req.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined)
    if (typeof sent !== 'string' || !sameToken(sent, s.csrfToken)) {
      throw new DomainError(
        'forbidden',
        'csrf',
        'This form has expired. Reload the page and try again.',
      )
    }
  }
  return s.actor
}

export function setSessionCookie(
  reply: FastifyReply,
  sessionId: string,
  maxAgeSeconds: number,
): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: reply.secureCookies,
    maxAge: maxAgeSeconds,
  })
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}

/**
 * The anonymous visitor behind a request, as a keyed hash of a random cookie (set on first use),
 * so votes and rate limits count people without storing anything that identifies them.
 */
export function visitorKey(req: FastifyRequest, reply: FastifyReply, secret: string): string {
  let id = req.cookies[VISITOR_COOKIE]
  if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
    id = randomBytes(18).toString('base64url')
    reply.setCookie(VISITOR_COOKIE, id, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: reply.secureCookies,
      maxAge: 365 * 86_400,
    })
  }
  return keyedHash(secret, id)
}
