/** How an error should be treated at the edge; only http/errors.ts maps kinds to status codes. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'

/** A rule of the domain was broken; `code` is stable and machine-readable. */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: { field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const invalid = (code: string, message: string, field?: string) =>
  new DomainError('invalid', code, message, field ? { field } : {})

export const notFound = (what: string) =>
  new DomainError('not_found', 'not_found', `${what} was not found.`)

export const conflict = (code: string, message: string) =>
  new DomainError('conflict', code, message)
