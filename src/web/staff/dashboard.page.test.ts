import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Answer, Chat } from '../../domain/types.ts'
import { dashboardRegion, dashboardStats } from './dashboard.page.ts'

const NOW = new Date('2026-03-02T19:30:00Z')
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString()

// Started an hour ago, 30 minutes left; 10 answers in the last half hour: 20 an hour.
const chat = {
  state: 'live',
  startsAt: minutesAgo(60),
  endsAt: minutesAgo(-30),
} as Chat
const answers = Array.from({ length: 10 }, (_, i) => ({ publishedAt: minutesAgo(i * 3) }) as Answer)

const region = (approved: number, c: Chat = chat, a: Answer[] = answers) =>
  dashboardRegion(c, dashboardStats(c, { approved, answered: 10 }, a, NOW)).value

describe('dashboard: can the experts get through the approved questions in time?', () => {
  it('says how long the approved questions take at the current pace, and that it fits', () => {
    const html = region(4)
    assert.match(html, /20<\/span> answers an hour/)
    assert.match(
      html,
      /data-queue="fits"><span class="n">About 12 minutes<\/span> to answer the 4 approved questions, at this pace</,
    )
  })

  it('puts the answered share in words beside its bar', () => {
    assert.match(
      region(4),
      /<label for="progress">Answered of approved questions: 10 of 14<\/label>/,
    )
  })

  it('warns when answering them would take longer than the time left', () => {
    assert.match(
      region(12),
      /data-queue="over"><span class="n">About 36 minutes<\/span> to answer the 12 approved questions, at this pace: more than the time left/,
    )
  })

  it('says nothing about a queue before the first answer, or with nothing approved', () => {
    assert.doesNotMatch(region(5, chat, []), /data-queue/)
    assert.doesNotMatch(region(0), /data-queue/)
    assert.doesNotMatch(
      region(5, { ...chat, state: 'scheduled', startsAt: minutesAgo(-60) }),
      /data-queue/,
    )
  })
})
