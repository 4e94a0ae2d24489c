import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { backoffDelay, nextDelay, retryAfterMs } from './backoff.ts'
import { RateLimited } from './connector.ts'

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null })

describe('Backoff', () => {
  it('[N6] jitters between zero and a capped exponential ceiling', () => {
    const opts = { baseMs: 1000, maxMs: 60_000 }
    assert.equal(
      backoffDelay(3, opts, () => 0.999999),
      7999,
    )
    assert.equal(
      backoffDelay(3, opts, () => 0),
      0,
    )
    assert.equal(
      backoffDelay(30, opts, () => 0.5),
      30_000,
    )
    const seen = new Set(Array.from({ length: 20 }, () => backoffDelay(4, opts)))
    assert.ok(seen.size > 10, 'spread out')
  })

  it('[N6] honours Retry-After in seconds or as a date, and X and Mastodon reset headers', () => {
    const now = Date.parse('2026-12-01T18:00:00Z')
    assert.equal(retryAfterMs(headers({ 'retry-after': '30' }), now), 30_000)
    assert.equal(
      retryAfterMs(headers({ 'retry-after': 'Tue, 01 Dec 2026 18:01:00 GMT' }), now),
      60_000,
    )
    assert.equal(
      retryAfterMs(headers({ 'x-rate-limit-reset': String(now / 1000 + 90) }), now),
      90_000,
    )
    assert.equal(
      retryAfterMs(headers({ 'x-ratelimit-reset': '2026-12-01T18:05:00.000Z' }), now),
      300_000,
    )
    assert.equal(retryAfterMs(headers({}), now), null)
  })

  it('[N6] a rate limit waits at least what was asked', () => {
    assert.ok(nextDelay(new RateLimited(5000), 0) >= 5000)
  })
})
