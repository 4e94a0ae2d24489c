import type { FastifyInstance, FastifyReply } from 'fastify'
import { ZodError } from 'zod'
import { DomainError } from '../domain/errors.ts'
import { STATUS } from '../http/errors.ts'
import { sendHtml, wantsJson } from './context.ts'
import { html } from './html.ts'
import { page } from './layout/page.ts'
import { pageHeaders } from './security.ts'

const TITLES: Record<number, string> = {
  400: 'Sorry, something in that request was not right',
  403: 'Sorry, you cannot do that',
  404: 'Page not found',
  409: 'That has already changed',
  429: 'Please wait a moment',
  500: 'Sorry, there is a problem with the service',
  503: 'Sorry, the service is unavailable',
}

export function errorPage(status: number, message: string) {
  return page({
    title: `${TITLES[status] ?? 'Error'} – Askhour`,
    body: html`<h1>${TITLES[status] ?? 'Error'}</h1>
<p class="lead">${message}</p>
<p><a href="/">Go to the Askhour home page</a></p>`,
  })
}

const NOT_FOUND =
  'If you typed the web address, check it is correct. The page may have moved or the chat may not be public yet.'

/** The page for an address nothing serves, for a browser that followed a stale or mistyped link. */
export function sendNotFoundPage(reply: FastifyReply) {
  pageHeaders(reply)
  return sendHtml(reply, errorPage(404, NOT_FOUND), 404)
}

/** Errors on page routes become pages (or JSON for enhanced forms); staff without a session sign in. */
export function installPageErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    pageHeaders(reply)
    let status = 500
    let code = 'internal'
    let message = 'Please try again later.'
    if (err instanceof DomainError) {
      status = STATUS[err.kind] ?? 500
      code = err.code
      message = err.message
      if (err.details.retryAfterSeconds)
        reply.header('retry-after', String(err.details.retryAfterSeconds))
    } else if (err instanceof ZodError) {
      status = 400
      code = 'invalid'
      message = err.issues[0]?.message ?? 'Invalid request.'
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode
      code = err.code ?? 'bad_request'
      message = status === 413 ? 'That was too long to send.' : 'The request could not be read.'
    } else {
      req.log.error({ err }, 'page failed')
    }
    if (status === 401 && !wantsJson(req) && req.method === 'GET') {
      return reply
        .code(303)
        .header('location', `/staff/sign-in?next=${encodeURIComponent(req.url)}`)
        .send()
    }
    if (wantsJson(req)) return reply.code(status).send({ error: code, message })
    if (status === 404) message = NOT_FOUND
    return sendHtml(reply, errorPage(status, message), status)
  })
}
