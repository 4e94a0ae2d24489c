import assert from 'node:assert/strict'
import type { ServerResponse } from 'node:http'
import { Writable } from 'node:stream'
import { describe, it } from 'node:test'
import { chat, organisation } from '../../../test/factories.ts'
import { testDeps } from '../../../test/harness.ts'
import { askQuestion } from '../../app/questions.ts'
import type { Bus } from '../../bus/bus.ts'
import { FeedHub } from './hub.ts'

/** A bus that never delivers anything and can be told it lost or regained its link. */
function deafBus() {
  const watchers = new Set<(up: boolean) => void>()
  const bus: Bus = {
    publish: async () => {},
    subscribe: () => () => {},
    onConnectionChange(h) {
      watchers.add(h)
      return () => watchers.delete(h)
    },
    close: async () => {},
  }
  const set = (up: boolean) => {
    for (const w of watchers) w(up)
  }
  return { bus, set }
}

class Viewer extends Writable {
  text = ''
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString()
    done()
  }
  writeHead() {
    return this
  }
}

const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))
/** Lets pending reads and writes finish (in-memory SQLite resolves within a few turns). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r))
}

describe('live feed hub when the bus is down', () => {
  it('[B5] polls the store faster while the bus is disconnected, and catches up as soon as it is back', async (t) => {
    const deps = await testDeps()
    const { admin } = await organisation(deps, 'gmp')
    const live = await chat(deps, admin, 'gmp', 'live')
    const { bus, set } = deafBus()
    const hub = new FeedHub(
      { store: deps.store, bus, log: deps.log },
      { heartbeatMs: 60_000, maxBufferBytes: 1 << 20, pollMs: 60_000, degradedPollMs: 50 },
    )
    // The poll intervals run on mocked time, so the test decides when a poll is due.
    t.mock.timers.enable({ apis: ['setInterval'] })
    hub.start()
    const viewer = new Viewer()
    await hub.attach(live.id, 'staff', viewer as unknown as ServerResponse, null)
    const ask = (i: number) =>
      askQuestion(deps, live, { text: `Question number ${i} about dogs` }, { visitorKey: `v${i}` })

    await ask(1) // no notice reaches the hub, and the regular poll is a minute away
    t.mock.timers.tick(1000)
    await settle()
    assert.deepEqual(ids(viewer.text), [])

    set(false)
    await ask(2)
    t.mock.timers.tick(50)
    await settle()
    assert.equal(ids(viewer.text).length, 2, 'the fast poll delivered both')

    set(true)
    await ask(3)
    t.mock.timers.tick(1000)
    await settle()
    assert.equal(ids(viewer.text).length, 2, 'back to the slow poll')
    set(false)
    set(true) // reconnected: one catch-up read at once
    await settle()
    assert.equal(ids(viewer.text).length, 3)
    hub.close(1000)
    await deps.store.close()
  })
})
