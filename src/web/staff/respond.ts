import type { FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from '../../domain/errors.ts'
import { STATUS } from '../../http/errors.ts'
import { wantsJson } from '../context.ts'
import { type Flash, redirect } from '../flash.ts'

/** The refusals a staff form answers in place; anything else is a real error page. */
const IN_PLACE = new Set(['invalid', 'conflict'])

/** A staff form succeeded: JSON for enhanced forms, otherwise a redirect with a flash message. */
export function done(req: FastifyRequest, reply: FastifyReply, to: string, flash: Flash) {
  if (wantsJson(req)) return reply.send({ ok: true, message: flash.title })
  return redirect(reply, to, flash)
}

/**
 * A staff form was refused by a domain rule (a stale version, a question someone else already
 * moved): say so plainly, as JSON or as a flash on the page the form came from.
 */
export async function attempt(
  req: FastifyRequest,
  reply: FastifyReply,
  back: string,
  work: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await work()
  } catch (err) {
    if (!(err instanceof DomainError) || !IN_PLACE.has(err.kind)) throw err
    const title =
      err.kind === 'conflict' ? 'That has changed since you loaded the page' : 'That did not work'
    if (wantsJson(req))
      return reply.code(STATUS[err.kind]).send({ error: err.code, title, message: err.message })
    return redirect(reply, back, { kind: 'error', title, body: err.message })
  }
}

/** Only same-site relative paths may be used as a "back" address. */
export const safeBack = (value: string, fallback: string) =>
  /^(\?|\/(?!\/))[\w\-/.?=&%#]*$/.test(value) ? value : fallback
