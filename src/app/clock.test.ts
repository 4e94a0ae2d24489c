import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { chat, organisation } from '../../test/factories.ts'
import { manualClock, testDeps } from '../../test/harness.ts'
import { resolveSession, startSession } from './accounts.ts'
import { tickClock } from './clock.ts'

describe('chat clock', () => {
  it('[C3] starts a scheduled chat at its start time and closes it at its end, logging who did it', async () => {
    const clock = manualClock('2026-12-01T12:00:00.000Z')
    const deps = await testDeps(clock)
    const { admin } = await organisation(deps)
    const c = await chat(deps, admin, 'gmp', 'scheduled')
    assert.equal(await tickClock(deps), 0)
    clock.set(c.startsAt)
    assert.equal(await tickClock(deps), 1)
    assert.equal((await deps.store.read.chats.findById(c.id))?.state, 'live')
    clock.set(c.endsAt)
    assert.equal(await tickClock(deps), 1)
    assert.equal((await deps.store.read.chats.findById(c.id))?.state, 'closed')
    const log = await deps.store.read.events.after(c.id, 0, 'all')
    assert.deepEqual(
      log.slice(-2).map((e) => [e.type, e.actor]),
      [
        ['chat.started', 'system:clock'],
        ['chat.closed', 'system:clock'],
      ],
    )
  })

  it('[C3] a draft chat is never started by the clock', async () => {
    const clock = manualClock('2026-12-01T12:00:00.000Z')
    const deps = await testDeps(clock)
    const { admin } = await organisation(deps)
    const c = await chat(deps, admin, 'gmp', 'draft')
    clock.set(c.endsAt)
    assert.equal(await tickClock(deps), 0)
    assert.equal((await deps.store.read.chats.findById(c.id))?.state, 'draft')
  })

  it('[U4] the clock sweeps expired sessions away', async () => {
    const clock = manualClock('2026-12-01T12:00:00.000Z')
    const deps = await testDeps(clock)
    const { admin } = await organisation(deps)
    const { sessionId } = await startSession(deps, admin.userId)
    clock.advance(15 * 86_400_000)
    await tickClock(deps)
    clock.set('2026-12-01T12:00:00.000Z')
    assert.equal(await resolveSession(deps, sessionId), null, 'the row is gone, not just expired')
  })
})
