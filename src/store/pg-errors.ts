import { DomainError } from '../domain/errors.ts'

/** SQLSTATE classes and socket codes that mean "the database is not there right now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown: the server is restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
])

const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Postgres connection has been discarded|Client was closed/i

/** Constraint races: another transaction wrote the same key or locked rows in the other order. */
const CONFLICT_CODES = new Set(['23505', '40001', '40P01'])

const codeOf = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** Whether `err` says PostgreSQL cannot be reached (refused, restarting, connection lost). */
export function isUnavailable(err: unknown): boolean {
  const code = codeOf(err)
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true
  if (err instanceof AggregateError) return err.errors.some(isUnavailable)
  return err instanceof Error && UNAVAILABLE_MESSAGES.test(err.message)
}

/**
 * Turns PostgreSQL's outage and race errors into domain errors, so the edge answers 503 or 409
 * instead of 500. Anything else passes through unchanged. A transaction that failed this way was
 * rolled back by the server, except a lost COMMIT, whose outcome the idempotency key settles.
 */
export function translatePgError(err: unknown): unknown {
  if (err instanceof DomainError) return err
  if (isUnavailable(err)) {
    return new DomainError(
      'unavailable',
      'database_unavailable',
      'The database is not answering. Please try again in a few seconds.',
      { retryAfterSeconds: 2 },
    )
  }
  const code = codeOf(err)
  if (code && CONFLICT_CODES.has(code)) {
    return new DomainError(
      'conflict',
      'concurrent_change',
      'Someone else changed this at the same moment. Please try again.',
    )
  }
  return err
}

/** Wraps every method of every repository so its errors are translated (see translatePgError). */
export function translatingRepos<R extends Record<string, object>>(repos: R): R {
  const out: Record<string, object> = {}
  for (const [name, repo] of Object.entries(repos)) {
    const wrapped: Record<string, unknown> = {}
    for (const [method, fn] of Object.entries(repo)) {
      wrapped[method] =
        typeof fn === 'function'
          ? (...args: unknown[]) =>
              (fn as (...a: unknown[]) => Promise<unknown>)(...args).catch((err: unknown) => {
                throw translatePgError(err)
              })
          : fn
    }
    out[name] = wrapped
  }
  return out as R
}
