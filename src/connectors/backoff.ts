import { RateLimited } from './connector.ts'

export interface BackoffOptions {
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 5 * 60_000 }

/**
 * [N6] "Full jitter" exponential backoff: a random wait up to base·2^attempt (capped), so many
 * reconnecting clients spread out instead of arriving together.
 */
export function backoffDelay(
  attempt: number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}

/**
 * [N6] How long a `Retry-After` header (seconds or an HTTP date) or an `x-rate-limit-reset`
 * header (epoch seconds, X) asks us to wait; null when neither says.
 */
export function retryAfterMs(
  headers: { get(name: string): string | null | undefined },
  now: number = Date.now(),
): number | null {
  const after = headers.get('retry-after')
  if (after) {
    const seconds = Number(after)
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
    const date = Date.parse(after)
    if (Number.isFinite(date)) return Math.max(0, date - now)
  }
  const reset = Number(headers.get('x-rate-limit-reset') ?? headers.get('x-ratelimit-reset'))
  if (Number.isFinite(reset) && reset > 0) {
    // X sends epoch seconds; Mastodon sends an ISO date.
    return Math.max(0, reset * 1000 - now)
  }
  const iso = headers.get('x-ratelimit-reset')
  if (iso) {
    const date = Date.parse(iso)
    if (Number.isFinite(date)) return Math.max(0, date - now)
  }
  return null
}

/** The wait before the next attempt: what a rate limit asks (plus a little jitter), or backoff. */
export function nextDelay(
  err: unknown,
  attempt: number,
  opts: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  if (err instanceof RateLimited) return err.retryAfterMs + Math.floor(random() * opts.baseMs)
  return backoffDelay(attempt, opts, random)
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const t = setTimeout(done, ms)
    function done() {
      clearTimeout(t)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
