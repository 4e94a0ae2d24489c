import type { FastifyReply, FastifyRequest } from 'fastify'

const COOKIE = 'askhour_flash'

/** A one-time message shown on the page a form redirects to (post/redirect/get). */
export interface Flash {
  kind: 'success' | 'info' | 'error'
  title: string
  body?: string
  /** Extra guidance shown beside the message (e.g. emergency guidance after a redirected question). */
  guidance?: string
  /** A link to show in a read-only field with a copy button (e.g. an invitation). */
  link?: string
}

const LIMIT = 1500

export function setFlash(reply: FastifyReply, flash: Flash): void {
  const clip = (s?: string) => (s && s.length > LIMIT ? `${s.slice(0, LIMIT)}…` : s)
  const value = Buffer.from(
    JSON.stringify({ ...flash, body: clip(flash.body), guidance: clip(flash.guidance) }),
  ).toString('base64url')
  reply.setCookie(COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: reply.secureCookies,
    maxAge: 120,
  })
}

/** Reads and clears the flash message, if any. */
export function takeFlash(req: FastifyRequest, reply: FastifyReply): Flash | null {
  const v = req.cookies[COOKIE]
  if (!v) return null
  reply.clearCookie(COOKIE, { path: '/' })
  try {
    const f = JSON.parse(Buffer.from(v, 'base64url').toString('utf8')) as Flash
    if (typeof f.title !== 'string' || !['success', 'info', 'error'].includes(f.kind)) return null
    return f
  } catch {
    return null
  }
}

/** Post/redirect/get: a 303 so the browser GETs the next page and a reload never re-posts. */
export function redirect(reply: FastifyReply, to: string, flash?: Flash) {
  if (flash) setFlash(reply, flash)
  return reply.code(303).header('location', to).send()
}
