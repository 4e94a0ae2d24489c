import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../app/deps.ts'
import type { PublicLimits } from '../http/api/questions.routes.ts'

/** What the page routes need: the use-case deps and the public rate limits (and visitor secret). */
export interface WebContext {
  deps: Deps
  limits: PublicLimits
}

/** Enhanced forms (fetch from our scripts) ask for JSON; plain forms get pages and redirects. */
export const wantsJson = (req: FastifyRequest) =>
  (req.headers.accept ?? '').includes('application/json')

export function sendHtml(reply: FastifyReply, body: { value: string }, status = 200) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(body.value)
}

/** A form field as one trimmed string (repeated fields take the first). */
export function formString(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name]
  const first = Array.isArray(v) ? v[0] : v
  return typeof first === 'string' ? first : ''
}

/** A repeated form field (checkboxes) as a list of strings. */
export function formList(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name]
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v]
  return list.filter((x): x is string => typeof x === 'string')
}
