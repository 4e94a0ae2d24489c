import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { memoryRateLimiter, type RateLimiter } from './rate-limit.ts'

/** Counts a hit and starts the window on the first one, atomically; returns [count, ms left]. */
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
`

/**
 * Rate limits shared by every process: fixed windows counted in Redis by one atomic script. While
 * Redis cannot answer, each process falls back to counting the same limits in its own memory, so
 * requests are still limited (per process) and never wait for Redis.
 */
export function redisRateLimiter(
  redis: Redis,
  opts: { prefix?: string; log: Pick<Logger, 'warn'>; fallback?: RateLimiter },
): RateLimiter {
  const prefix = opts.prefix ?? 'askhour:rl:'
  const local = opts.fallback ?? memoryRateLimiter()
  let degraded = false
  return {
    async hit(key, limit, windowMs) {
      if (redis.status === 'ready') {
        try {
          const [count, ttl] = (await redis.eval(HIT, 1, `${prefix}${key}`, windowMs)) as [
            number,
            number,
          ]
          degraded = false
          return { allowed: count <= limit, retryAfterMs: count <= limit ? 0 : ttl }
        } catch (err) {
          if (!degraded) opts.log.warn({ err }, 'shared rate limits unavailable; limiting locally')
          degraded = true
        }
      }
      return local.hit(key, limit, windowMs)
    },
  }
}
