import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, describe, it } from 'node:test'
import pino from 'pino'
import { needs, REDIS_URL } from '../../test/services.ts'
import { openRedisClient } from '../bus/redis-client.ts'
import { redisRateLimiter } from './rate-limit.redis.ts'

const servers = await needs([{ name: 'Redis', url: REDIS_URL }])
const log = pino({ level: 'silent' })

describe('Redis rate limiter', servers, () => {
  const prefix = `askhour:test:${randomBytes(4).toString('hex')}:`
  const a = openRedisClient(REDIS_URL, log, 'rl-a', { offlineQueue: true })
  const b = openRedisClient(REDIS_URL, log, 'rl-b', { offlineQueue: true })
  after(() => {
    a.disconnect()
    b.disconnect()
  })

  it('[X4] two processes share one count per key and window', async () => {
    await Promise.all([a.ping(), b.ping()])
    const pa = redisRateLimiter(a, { prefix, log })
    const pb = redisRateLimiter(b, { prefix, log })
    const results = []
    for (let i = 0; i < 6; i++) results.push(await (i % 2 ? pb : pa).hit('q:v:1', 5, 10_000))
    assert.deepEqual(
      results.map((r) => r.allowed),
      [true, true, true, true, true, false],
    )
    const last = results.at(-1)
    assert.ok(last && last.retryAfterMs > 9000 && last.retryAfterMs <= 10_000)
    assert.equal((await pb.hit('q:v:2', 5, 10_000)).allowed, true, 'keys are counted apart')
  })

  it('[X4] a window ends on time, then the key may go again', async () => {
    const pa = redisRateLimiter(a, { prefix, log })
    assert.equal((await pa.hit('w', 1, 150)).allowed, true)
    assert.equal((await pa.hit('w', 1, 150)).allowed, false)
    await new Promise((r) => setTimeout(r, 200))
    assert.equal((await pa.hit('w', 1, 150)).allowed, true)
  })

  it('[X4] with Redis unreachable, the same limit is kept locally and nothing waits or throws', async () => {
    const down = openRedisClient('redis://127.0.0.1:1', log, 'rl-down')
    try {
      const limiter = redisRateLimiter(down, { prefix, log })
      const results = []
      for (let i = 0; i < 4; i++) results.push((await limiter.hit('q:ip:x', 3, 60_000)).allowed)
      assert.deepEqual(results, [true, true, true, false])
    } finally {
      down.disconnect()
    }
  })
})
