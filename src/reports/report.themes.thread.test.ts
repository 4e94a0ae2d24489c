import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import type { ReportQuestion } from '../store/repos/reports.repo.ts'
import { OFF_THREAD_FROM, themesOf } from './report.themes.thread.ts'
import { themes } from './report.themes.ts'

/** Questions people really asked, from the labelled chats, as a big chat's report rows. */
function bigChat(n: number): ReportQuestion[] {
  const texts = readFileSync(
    new URL('../../test/fixtures/moderation/dev.jsonl', import.meta.url),
    'utf8',
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { text: string; kind: string })
    .filter((r) => r.kind === 'question')
    .map((r) => r.text)
  return Array.from({ length: n }, (_, i) => ({
    id: `q${i}`,
    source: 'web',
    askerKey: `v${i}`,
    publicText: `${texts[i % texts.length]} (${Math.floor(i / texts.length)})`,
    kind: 'question',
    thanks: false,
    state: i % 3 === 0 ? 'answered' : 'approved',
    rejectReason: null,
    mergedInto: null,
    votes: i % 7,
    receivedAt: new Date(Date.UTC(2026, 11, 1, 18, 0, i)).toISOString(),
  }))
}

describe('report themes off the main thread', () => {
  it('[R11] a big chat gets the same themes, and the event loop keeps turning while they are worked out', async () => {
    const questions = bigChat(OFF_THREAD_FROM * 4)
    const merges = [{ questionId: 'q5', into: 'q4', at: '2026-12-01T19:00:00.000Z' }]
    const expected = themes(questions, merges, '#askGMP')
    assert.ok(expected.groups.length > 0, 'the chat has themes to find')

    let longestGap = 0
    let last = performance.now()
    const tick = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
    }, 5)
    const started = performance.now()
    const got = await themesOf({ questions, merges, hashtag: '#askGMP' })
    const took = performance.now() - started
    clearInterval(tick)
    longestGap = Math.max(longestGap, performance.now() - last)

    assert.deepEqual(got, expected)
    // On the main thread the loop would stand still for the whole time; off it, only for moments.
    assert.ok(
      longestGap < took / 3,
      `the event loop stood still for ${longestGap.toFixed(0)} of ${took.toFixed(0)} ms`,
    )
  })
})
