import assert from 'node:assert/strict'
import { describe, it, type TestContext } from 'node:test'
import type { ChatEvent } from '../../domain/events.ts'
import { CountBatcher } from './counts.ts'

const voted = (seq: number, questionId: string, votes: number): ChatEvent => ({
  type: 'question.voted',
  data: { questionId, votes },
  visibility: 'public',
  chatId: 'c',
  seq,
  actor: 'visitor:x',
  at: '2026-12-01T00:00:00.000Z',
})

/**
 * A batcher whose rounds of writes last until `finishRound`, on a clock the test moves with
 * `advance`; `emittedAt` lists when each frame went out.
 */
function slowRounds(t: TestContext) {
  t.mock.timers.enable({ apis: ['setTimeout'] })
  let clock = 0
  const emittedAt: number[] = []
  let endRound = () => {}
  const b = new CountBatcher(
    250,
    () => {
      emittedAt.push(clock)
      return new Promise<void>((resolve) => {
        endRound = resolve
      })
    },
    () => clock,
  )
  return {
    b,
    emittedAt,
    advance(ms: number) {
      clock += ms
      t.mock.timers.tick(ms)
    },
    /** Ends the round being written and lets the batcher see it. */
    async finishRound() {
      endRound()
      await new Promise<void>((r) => setImmediate(r))
    },
  }
}

describe('vote and thanks coalescing', () => {
  it('[E8] a burst of votes reaches viewers as one counts frame per interval, with the latest totals and the highest seq', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] })
    let clock = 0
    const frames: Array<{ text: string; seq: number }> = []
    const b = new CountBatcher(
      250,
      (frame, seq) => {
        frames.push({ text: frame.text.toString(), seq })
      },
      () => clock,
    )
    for (let i = 1; i <= 500; i++) b.add(voted(i, `q${i % 3}`, i))
    t.mock.timers.tick(0)
    assert.equal(frames.length, 1, 'the first burst goes out on the next turn, as one frame')
    clock = 100
    for (let i = 501; i <= 1000; i++) b.add(voted(i, `q${i % 3}`, i))
    t.mock.timers.tick(100)
    assert.equal(frames.length, 1, 'no second frame within the interval')
    clock = 250
    t.mock.timers.tick(150)
    assert.equal(frames.length, 2)
    const last = frames[1]
    assert.equal(last?.seq, 1000)
    assert.match(last?.text ?? '', /^id: 1000\nevent: counts\ndata: /)
    const data = JSON.parse((last?.text ?? '').split('data: ')[1] ?? '{}')
    assert.deepEqual(data.questions, { q0: 999, q1: 1000, q2: 998 })
    b.close()
  })

  it('[E8] flushing before an ordinary event keeps ids on the wire increasing', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] })
    const seqs: number[] = []
    const b = new CountBatcher(
      250,
      (_f, seq) => {
        seqs.push(seq)
      },
      () => 0,
    )
    b.flush()
    b.add(voted(7, 'q', 1))
    b.add(voted(8, 'q', 2))
    b.flush()
    seqs.push(9)
    assert.deepEqual(seqs, [8, 9])
    b.close()
  })

  it('[E8] the interval counts from when a frame has reached every viewer, so a round held up does not bunch frames', async (t) => {
    const { b, emittedAt, advance, finishRound } = slowRounds(t)
    b.add(voted(1, 'q', 1))
    advance(0)
    b.add(voted(2, 'q', 2))
    advance(60)
    assert.deepEqual(emittedAt, [0], 'nothing new goes out while a round is still being written')
    await finishRound()
    advance(249)
    assert.deepEqual(emittedAt, [0], 'the next waits a full interval from the end of that round')
    advance(1)
    assert.deepEqual(emittedAt, [0, 310])
    b.close()
  })

  it('[E8] after a slow round the next frame waits three times as long as the round took, at most 2 s', async (t) => {
    const { b, emittedAt, advance, finishRound } = slowRounds(t)
    const roundTakes = async (ms: number) => {
      advance(ms)
      await finishRound()
    }
    b.add(voted(1, 'q', 1))
    advance(0)
    b.add(voted(2, 'q', 2))
    await roundTakes(400)
    advance(1199)
    assert.deepEqual(
      emittedAt,
      [0],
      'a 400 ms round is followed by 1,200 ms for votes and questions',
    )
    advance(1)
    assert.deepEqual(emittedAt, [0, 1600])
    b.add(voted(3, 'q', 3))
    await roundTakes(5000)
    advance(1999)
    assert.equal(emittedAt.length, 2)
    advance(1)
    assert.deepEqual(
      emittedAt,
      [0, 1600, 8600],
      'totals wait at most 2 s after even a very slow round',
    )
    b.close()
  })
})
