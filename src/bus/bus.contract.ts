import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Bus, ChatNotice } from './bus.ts'

const until = async (pred: () => boolean | Promise<boolean>, ms = 3000) => {
  const t0 = Date.now()
  while (!(await pred())) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/**
 * The rules every Bus keeps (docs/spec.md, B1–B3). `open` makes one process's bus; `peer`, where
 * the bus crosses processes, makes another process's bus on the same channel.
 */
export function busContract(
  name: string,
  open: () => Promise<Bus>,
  peer?: () => Promise<Bus>,
): void {
  describe(`Bus contract: ${name}`, () => {
    let bus: Bus
    before(async () => {
      bus = await open()
    })
    after(() => bus.close())

    it('[B1] delivers each notice to every subscriber in this process, in publish order', async () => {
      const a: ChatNotice[] = []
      const b: ChatNotice[] = []
      const offA = bus.subscribe((n) => a.push(n))
      const offB = bus.subscribe((n) => b.push(n))
      const sent = Array.from({ length: 50 }, (_, i) => ({ chatId: `chat-${i % 3}`, seq: i + 1 }))
      for (const n of sent) await bus.publish(n)
      await until(() => a.length >= 50 && b.length >= 50)
      assert.deepEqual(a, sent)
      assert.deepEqual(b, sent)
      offA()
      offB()
    })

    it('[B2] an unsubscribed handler hears nothing more; the others still do', async () => {
      const a: ChatNotice[] = []
      const b: ChatNotice[] = []
      const offA = bus.subscribe((n) => a.push(n))
      const offB = bus.subscribe((n) => b.push(n))
      await bus.publish({ chatId: 'x', seq: 1 })
      offA()
      await bus.publish({ chatId: 'x', seq: 2 })
      await until(() => b.length >= 2)
      assert.deepEqual(
        a.map((n) => n.seq),
        [1],
      )
      offB()
    })

    if (peer) {
      it('[B3] a notice published in one process reaches every other, in publish order, once', async () => {
        const other = await peer()
        try {
          const heard: ChatNotice[] = []
          const mine: ChatNotice[] = []
          other.subscribe((n) => heard.push(n))
          bus.subscribe((n) => mine.push(n))
          // Probe until the peer's SUBSCRIBE is in place, then start clean.
          await until(async () => {
            await bus.publish({ chatId: 'probe', seq: 0 })
            return heard.length > 0
          })
          heard.length = 0
          mine.length = 0
          const sent = Array.from({ length: 100 }, (_, i) => ({ chatId: 'chat-b3', seq: i + 1 }))
          for (const n of sent) await bus.publish(n)
          // A sentinel after the hundred: once it arrives, no late duplicate can still be coming.
          await bus.publish({ chatId: 'sentinel', seq: 1 })
          await until(() => heard.some((n) => n.chatId === 'sentinel'))
          const real = (ns: ChatNotice[]) => ns.filter((n) => n.chatId === 'chat-b3')
          assert.deepEqual(real(heard), sent)
          assert.deepEqual(real(mine), sent, 'the publisher hears its own notices once, not twice')
        } finally {
          await other.close()
        }
      })
    }
  })
}
