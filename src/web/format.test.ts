import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { duration, fromLocalInput, longDateTime, toLocalInput } from './format.ts'

describe('times in the organisation zone', () => {
  it('shows a UTC instant in London time, summer and winter', () => {
    assert.equal(
      longDateTime('2026-12-01T18:00:00.000Z', 'Europe/London'),
      'Tuesday 1 December 2026 at 18:00 GMT',
    )
    assert.equal(toLocalInput('2026-07-01T17:00:00.000Z', 'Europe/London'), '2026-07-01T18:00')
  })
  it('reads a typed wall-clock time back as UTC, across daylight saving', () => {
    assert.equal(fromLocalInput('2026-07-01T18:00', 'Europe/London'), '2026-07-01T17:00:00.000Z')
    assert.equal(fromLocalInput('2026-12-01T18:00', 'Europe/London'), '2026-12-01T18:00:00.000Z')
    assert.equal(fromLocalInput('2026-12-01T18:00', 'Australia/Sydney'), '2026-12-01T07:00:00.000Z')
    assert.equal(fromLocalInput('not a time', 'UTC'), null)
  })
  it('says durations in words', () => {
    assert.equal(duration(65 * 60_000), '1 hour 5 minutes')
    assert.equal(duration(3 * 86_400_000), '3 days')
    assert.equal(duration(10_000), 'less than a minute')
  })
})
