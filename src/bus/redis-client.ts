import { Redis } from 'ioredis'
import type { Logger } from 'pino'

/** Reconnect after 100 ms, doubling to at most 2 s, for ever: Redis coming back is the normal case. */
export const redisBackoff = (attempt: number) => Math.min(100 * 2 ** Math.min(attempt, 5), 2000)

/**
 * A Redis connection that never makes a request wait for Redis: while disconnected, commands fail
 * at once instead of queueing, and a command that gets no answer fails after `commandTimeoutMs`.
 * It reconnects with backoff and logs only when the link goes down or comes back.
 */
export function openRedisClient(
  url: string,
  log: Pick<Logger, 'info' | 'warn' | 'debug'>,
  role: string,
  opts: { offlineQueue?: boolean; commandTimeoutMs?: number } = {},
): Redis {
  const redis = new Redis(url, {
    connectionName: `askhour-${role}-${process.pid}`,
    enableOfflineQueue: opts.offlineQueue ?? false,
    maxRetriesPerRequest: opts.offlineQueue ? null : 0,
    commandTimeout: opts.commandTimeoutMs ?? 1000,
    retryStrategy: redisBackoff,
  })
  let up = false
  redis.on('ready', () => {
    up = true
    log.info({ role }, 'redis connected')
  })
  redis.on('close', () => {
    if (up) log.warn({ role }, 'redis connection lost; reconnecting')
    up = false
  })
  redis.on('error', (err: Error) => log.debug({ err, role }, 'redis error'))
  return redis
}
