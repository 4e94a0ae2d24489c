import { DomainError } from '../domain/errors.ts'

/** Counts hits per key in fixed windows; shared across processes when backed by Redis. */
export interface RateLimiter {
  /** Records a hit; `retryAfterMs` is set when the key is over its limit. */
  hit(
    key: string,
    limit: number,
    windowMs: number,
  ): Promise<{ allowed: boolean; retryAfterMs: number }>
}

/** The embedded limiter: counters in this process's memory, swept as their windows end. */
export function memoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>()
  let nextSweep = 0
  return {
    async hit(key, limit, windowMs) {
      const t = now()
      if (t >= nextSweep) {
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k)
        nextSweep = t + 10_000
      }
      let w = windows.get(key)
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + windowMs }
        windows.set(key, w)
      }
      w.count++
      return { allowed: w.count <= limit, retryAfterMs: w.count <= limit ? 0 : w.resetAt - t }
    },
  }
}

/** [U8] Sign-in attempts per address and per account, so passwords cannot be guessed at speed. */
export const signInLimits = (ip: string, email: string) => [
  { key: `login:ip:${ip}`, limit: 30 },
  { key: `login:email:${email}`, limit: 10 },
]

/** Throws a 429 naming when to retry if any of the limits is exceeded. */
export async function enforce(
  limiter: RateLimiter,
  checks: Array<{ key: string; limit: number }>,
  windowMs: number,
): Promise<void> {
  for (const c of checks) {
    const r = await limiter.hit(c.key, c.limit, windowMs)
    if (!r.allowed) {
      const retryAfterSeconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000))
      throw new DomainError(
        'rate_limited',
        'rate_limited',
        `Too many requests. Please try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      )
    }
  }
}
