import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { Redis } from 'ioredis'
import pino from 'pino'
import { needs, REDIS_URL } from '../../test/services.ts'
import { busContract } from './bus.contract.ts'
import type { Bus, ChatNotice } from './bus.ts'
import { openRedisBus } from './redis.ts'

const servers = await needs([{ name: 'Redis', url: REDIS_URL }])

/** A logger that keeps what it was told, to check what was logged. */
function recordingLog() {
  const lines: Array<Record<string, unknown>> = []
  const log = pino({ level: 'debug' }, { write: (s: string) => lines.push(JSON.parse(s)) })
  return { log, lines }
}

const until = async (pred: () => boolean, ms = 5000) => {
  const t0 = Date.now()
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('Redis bus', servers, () => {
  const channel = `askhour:test:${randomBytes(4).toString('hex')}`
  const silent = pino({ level: 'silent' })
  const connectedBus = async () => {
    const bus = openRedisBus(REDIS_URL, { log: silent, channel })
    await new Promise<void>((resolve) => {
      const off = bus.onConnectionChange?.((up) => {
        if (!up) return
        off?.()
        resolve()
      })
    })
    return bus
  }
  busContract('redis', connectedBus, connectedBus)

  describe('faults', () => {
    let raw: Redis
    before(() => {
      raw = new Redis(REDIS_URL)
    })
    after(() => raw.quit())

    it('[B4] a malformed message is logged and dropped; later notices still arrive', async () => {
      const { log, lines } = recordingLog()
      const ch = `${channel}:bad`
      const bus = openRedisBus(REDIS_URL, { log, channel: ch })
      const heard: ChatNotice[] = []
      bus.subscribe((n) => heard.push(n))
      await until(() => lines.some((l) => l.msg === 'redis connected' && l.role === 'bus-sub'))
      await new Promise((r) => setTimeout(r, 50))
      await raw.publish(ch, 'not json')
      await raw.publish(ch, JSON.stringify({ chatId: 'c', seq: -1, from: 'x' }))
      await raw.publish(ch, JSON.stringify({ chatId: 'c', seq: 7, from: 'someone-else' }))
      await until(() => heard.length === 1)
      assert.deepEqual(heard, [{ chatId: 'c', seq: 7 }])
      assert.equal(lines.filter((l) => l.msg === 'dropped a malformed bus message').length, 2)
      await bus.close()
    })

    it('[B5] with Redis unreachable, publish neither blocks nor throws, and local subscribers still hear it', async () => {
      const bus: Bus = openRedisBus('redis://127.0.0.1:1', { log: silent, channel })
      const heard: ChatNotice[] = []
      bus.subscribe((n) => heard.push(n))
      // A publish that queued until Redis came back would never settle here.
      for (let i = 1; i <= 100; i++) await bus.publish({ chatId: 'c', seq: i })
      assert.equal(heard.length, 100)
      await bus.close()
    })

    it('[B5] when the link drops, the bus reports it, reconnects with backoff and delivers again', async () => {
      const ch = `${channel}:drop`
      const a = await (async () => {
        const b = openRedisBus(REDIS_URL, { log: silent, channel: ch })
        await new Promise<void>((r) => b.onConnectionChange?.((up) => up && r()))
        return b
      })()
      const b = openRedisBus(REDIS_URL, { log: silent, channel: ch })
      const states: boolean[] = []
      b.onConnectionChange?.((up) => states.push(up))
      const heard: ChatNotice[] = []
      b.subscribe((n) => heard.push(n))
      await until(() => states.at(-1) === true)
      const list = (await raw.client('LIST')) as string
      const ids = list
        .split('\n')
        .filter((l) => l.includes(`name=askhour-bus-sub-${process.pid}`))
        .map((l) => /id=(\d+)/.exec(l)?.[1])
      for (const id of ids) await raw.client('KILL', 'ID', id as string)
      await until(() => states.includes(false))
      await until(() => states.at(-1) === true)
      await new Promise((r) => setTimeout(r, 100))
      await a.publish({ chatId: 'c', seq: 42 })
      await until(() => heard.some((n) => n.seq === 42))
      await a.close()
      await b.close()
    })
  })
})
