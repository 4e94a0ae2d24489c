import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { chat, organisation } from '../../test/factories.ts'
import { manualClock, testDeps } from '../../test/harness.ts'
import { AudienceRecorder } from './audience.ts'

describe('Audience recorder', () => {
  it('[R9] counts in memory and writes one row per visitor-day per page, not one per view', async () => {
    const clock = manualClock('2026-12-01T13:00:00.000Z')
    const deps = await testDeps(clock)
    const { admin } = await organisation(deps)
    const c = await chat(deps, admin, 'gmp', 'live')
    const seq = await deps.store.read.events.lastSeq(c.id)
    const rec = new AudienceRecorder(deps)
    for (let i = 0; i < 500; i++)
      rec.viewed({ chatId: c.id, page: 'live', itemId: c.id, visitorKey: `v${i % 3}` })
    for (const n of [3, 9, 4]) rec.sample(new Map([[c.id, n]]))
    assert.equal(
      await deps.store.read.reports.peakViewers(c.id),
      null,
      'nothing written before a flush',
    )
    await rec.flush()
    assert.deepEqual(await deps.store.read.reports.pageViews(c.id, 'live'), [
      { itemId: c.id, views: 500, visitors: 3 },
    ])
    assert.deepEqual(await deps.store.read.reports.peakViewers(c.id), {
      minute: '2026-12-01T13:00:00.000Z',
      viewers: 9,
    })
    // the next day the same visitors count again: visitor-days
    clock.advance(24 * 3600_000)
    rec.viewed({ chatId: c.id, page: 'live', itemId: c.id, visitorKey: 'v0' })
    await rec.stop()
    assert.deepEqual(await deps.store.read.reports.pageViews(c.id, 'live'), [
      { itemId: c.id, views: 501, visitors: 4 },
    ])
    assert.equal(await deps.store.read.events.lastSeq(c.id), seq, 'views are not chat events')
  })
})
