import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { QUOTING_REASON, reportScenario, TEXTS } from '../../test/report-scenario.ts'
import { transparencySummary } from '../app/reports.ts'
import { OTHER_REASON, publicReason, type TransparencySummary } from './transparency.ts'

describe('Transparency summary', () => {
  let s: Awaited<ReturnType<typeof reportScenario>>
  let t: TransparencySummary
  before(async () => {
    s = await reportScenario()
    t = await transparencySummary(s.deps, 'dogs-chat')
  })

  it('[R7] counts received, published, answered, redirected and declined by reason', () => {
    const { chat: _, ...counts } = t
    assert.deepEqual(counts, {
      received: 10,
      published: 6,
      answered: 3,
      redirected: 1,
      declined: 2,
      declinedByReason: [
        { reason: OTHER_REASON, count: 1 },
        { reason: 'Spam', count: 1 },
      ],
      merged: 1,
      unanswered: 2,
      notReviewed: 1,
    })
  })

  it('[R7] never contains a question’s words, original or public, nor a reason quoting them', async () => {
    const json = JSON.stringify(t)
    const questions = await s.deps.store.read.questions.list(s.chat.id)
    assert.equal(questions.length, Object.keys(TEXTS).length)
    for (const q of questions) {
      assert.ok(!json.includes(q.text), q.text)
      assert.ok(!json.includes(q.publicText), q.publicText)
    }
    assert.ok(!json.includes(QUOTING_REASON))
    assert.ok(!json.toLowerCase().includes('seize'))
  })

  it('[R7] masks personal data in a moderator’s reason', () => {
    assert.equal(
      publicReason('Gave a phone number 07700 900123', []),
      'Gave a phone number [phone]',
    )
    assert.equal(publicReason('Spam', ['Buy cheap followers now']), 'Spam')
    assert.equal(publicReason('  ', []), OTHER_REASON)
  })

  it('[R7] is only for closed chats', async () => {
    const { chat: c } = s
    assert.equal(t.chat.slug, c.slug)
    await assert.rejects(transparencySummary(s.deps, 'no-such-chat'), { kind: 'not_found' })
  })
})
