import type { FastifyInstance, FastifyReply } from 'fastify'

/**
 * The page CSP: everything from this server, no inline script or style, so injected markup can
 * neither run nor restyle the page. `frameAncestors` is 'none' except on the embed.
 */
export function contentSecurityPolicy(frameAncestors = "'none'"): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

const BASELINE: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
}

/** Sets the page headers; `embeddable` lets any site frame the page (the embed view only). */
export function pageHeaders(reply: FastifyReply, embeddable = false): void {
  for (const [k, v] of Object.entries(BASELINE)) reply.header(k, v)
  reply.header('content-security-policy', contentSecurityPolicy(embeddable ? '*' : "'none'"))
  if (!embeddable) reply.header('x-frame-options', 'DENY')
  else reply.header('cross-origin-resource-policy', 'cross-origin')
}

/**
 * Baseline headers on every response, written to the raw response at the start so they survive
 * hijacked replies (SSE streams write their own head and skip Fastify's onSend hooks).
 */
export function installBaselineHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_req, reply) => {
    for (const [k, v] of Object.entries(BASELINE)) reply.raw.setHeader(k, v)
  })
}
