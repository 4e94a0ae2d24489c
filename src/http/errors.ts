import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { ZodError } from 'zod'
import { DomainError, type ErrorKind } from '../domain/errors.ts'

/** The one mapping from domain error kinds to HTTP statuses (pages use it too). */
export const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
}

/** Names the first offending field, e.g. `body.text: Too small`. */
export function zodToDomain(where: string, err: ZodError): DomainError {
  const issue = err.issues[0]
  const field = issue ? [where, ...issue.path.map(String)].join('.') : where
  return new DomainError(
    'invalid',
    `invalid_${where}`,
    `${field}: ${issue?.message ?? 'invalid'}`,
    { field },
  )
}

/**
 * The only place errors become HTTP replies: `{ error, message }`, never a stack trace. An unknown
 * address outside `/api/` asked for by a browser gets `notFoundPage` instead (a web page).
 */
export function installErrorHandler(
  app: FastifyInstance,
  notFoundPage?: (reply: FastifyReply) => FastifyReply,
): void {
  app.setErrorHandler((err: FastifyError | DomainError | ZodError, req, reply) => {
    if (err instanceof ZodError) return reply.code(400).send(toBody(zodToDomain('body', err)))
    if (err instanceof DomainError) {
      if (err.details.retryAfterSeconds)
        reply.header('retry-after', String(err.details.retryAfterSeconds))
      return reply.code(STATUS[err.kind]).send(toBody(err))
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .code(413)
        .send({ error: 'payload_too_large', message: 'The request body is larger than 64 KiB.' })
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .code(415)
        .send({ error: 'unsupported_media_type', message: 'Send JSON (application/json).' })
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: 'bad_request', message: err.message })
    }
    req.log.error({ err }, 'unhandled error')
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on our side.' })
  })
  app.setNotFoundHandler((req, reply) => {
    const browser = (req.headers.accept ?? '').includes('text/html')
    if (notFoundPage && browser && !req.url.startsWith('/api/')) return notFoundPage(reply)
    return reply.code(404).send({ error: 'not_found', message: 'No such page.' })
  })
}

const toBody = (e: DomainError) => ({
  error: e.code,
  message: e.message,
  ...(e.details.field ? { field: e.details.field } : {}),
})
