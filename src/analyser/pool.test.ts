import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import pino from 'pino'
import { analyse } from '../moderation/analyse.ts'
import { openAnalyserPool } from './pool.ts'

const context = { hashtag: '#askGMP', theme: 'Dangerous dogs law' }
const messages = [
  'My neighbour’s dog is attacking a child in the street right now, please send someone!',
  'Can I keep my XL bully if I registered it late? Call me on 07700 900123',
  'You lot are useless clowns',
  'Thanks so much, really helpful session',
  'Earn £500/day from home!!! DM me now www.quick-cash.example',
]

describe('analyser pool', () => {
  it('answers exactly as the in-thread analysis does, many requests at once', async () => {
    const problems: string[] = []
    const log = pino({ level: 'warn' }, { write: (l: string) => void problems.push(l) })
    const pool = openAnalyserPool({ threads: 2, log })
    try {
      const many = Array.from({ length: 60 }, (_, i) => messages[i % messages.length] as string)
      const got = await Promise.all(many.map((m) => pool.analyse(m, context)))
      assert.deepEqual(
        got,
        many.map((m) => analyse(m, context)),
      )
      assert.equal(got[0]?.kind, 'emergency')
      assert.equal(got[1]?.maskedText.includes('07700'), false)
      assert.deepEqual(problems, [], 'the worker threads answered: none failed to start')
    } finally {
      await pool.close()
    }
  })

  it('still answers every request when its threads die, and stops restarting them after three deaths', async () => {
    const lines: string[] = []
    const log = pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) })
    const pool = openAnalyserPool({
      threads: 1,
      log,
      workerUrl: new URL('./testdata/dies.mjs', import.meta.url),
    })
    try {
      for (const m of messages)
        assert.deepEqual(await pool.analyse(m, context), analyse(m, context))
      const said = lines.map((l) => (JSON.parse(l) as { level: number; msg: string }).msg)
      assert.deepEqual(said, [
        'analyser thread stopped; starting another',
        'analyser thread stopped; starting another',
        'analyser thread keeps failing; analysing on the main thread',
      ])
    } finally {
      await pool.close()
    }
  })
})
