import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { codeOf } from '../../test/errors.ts'
import { draft, editPublished, publish } from './answer.ts'
import {
  approve,
  assertVotable,
  checkQuestionText,
  editPublicText,
  merge,
  redirect,
  reject,
} from './question.ts'
import type { Question } from './types.ts'

const NOW = '2026-12-08T18:30:00.000Z'

const question = (over: Partial<Question> = {}): Question => ({
  id: 'q1',
  chatId: 'c1',
  source: 'web',
  externalId: null,
  externalUrl: null,
  authorName: null,
  text: 'My neighbour at 8 Fennimore Close has an unmuzzled XL, is that legal?',
  publicText: 'My neighbour at [address] has an unmuzzled XL, is that legal?',
  masks: [{ type: 'address', start: 16, end: 33 }],
  flags: [],
  kind: 'question',
  thanks: false,
  state: 'pending',
  rejectReason: null,
  mergedInto: null,
  assignedTo: null,
  votes: 0,
  version: 1,
  receivedAt: NOW,
  updatedAt: NOW,
  ...over,
})

describe('question rules', () => {
  it('[Q2] a question is 3 to 2,000 characters once trimmed', () => {
    assert.equal(
      codeOf(() => checkQuestionText('  hi ')),
      'text_too_short',
    )
    assert.equal(
      codeOf(() => checkQuestionText('x'.repeat(2001))),
      'text_too_long',
    )
    assert.equal(checkQuestionText('  Is my dog exempt?  '), 'Is my dog exempt?')
  })

  it('[Q4] approving publishes only the masked text, never the original', () => {
    const { question: q, events } = approve(question(), NOW)
    assert.equal(q.state, 'approved')
    const [e] = events
    assert.equal(e?.type, 'question.approved')
    assert.equal(e?.visibility, 'public')
    assert.doesNotMatch(JSON.stringify(e?.data), /Fennimore/)
  })

  it('[Q4] rejecting an approved question also withdraws it from the public feed', () => {
    const approved = approve(question(), NOW).question
    const { question: q, events } = reject(approved, 'Personal attack', NOW)
    assert.equal(q.state, 'rejected')
    assert.deepEqual(
      events.map((e) => [e.type, e.visibility]),
      [
        ['question.rejected', 'staff'],
        ['question.withdrawn', 'public'],
      ],
    )
    assert.equal(
      codeOf(() => approve(q, NOW)),
      'question_state',
    )
  })

  it('[Q7] redirecting sends the guidance privately and keeps the question off the feed', () => {
    const { question: q, events } = redirect(question(), 'Call 999 now.', NOW)
    assert.equal(q.state, 'redirected')
    assert.deepEqual(
      events.map((e) => e.visibility),
      ['staff'],
    )
  })

  it('[Q8] merging adds the votes to the target and keeps the merged question pointing at it', () => {
    const target = approve(question({ id: 'q2', votes: 3 }), NOW).question
    const {
      question: q,
      target: t,
      events,
    } = merge(approve(question({ votes: 2 }), NOW).question, target, 5, NOW)
    assert.equal(q.state, 'merged')
    assert.equal(q.mergedInto, 'q2')
    assert.equal(t.votes, 5)
    assert.deepEqual(
      events.map((e) => e.type),
      ['question.merged', 'question.withdrawn', 'question.voted'],
    )
    assert.equal(
      codeOf(() => merge(question(), question(), 0, NOW)),
      'merge_self',
    )
    assert.equal(
      codeOf(() => merge(question(), question({ id: 'q9', chatId: 'other' }), 0, NOW)),
      'merge_other_chat',
    )
  })

  it('[Q10] an edit made on a stale version is refused instead of overwriting another moderator', () => {
    const first = editPublicText(question(), 'Is an unmuzzled XL legal?', 1, NOW).question
    assert.equal(first.version, 2)
    assert.equal(
      codeOf(() => editPublicText(first, 'Something else entirely', 1, NOW)),
      'stale_version',
    )
  })

  it('[Q5] an edit changes only the public text; the original words stay private', () => {
    const q = editPublicText(question(), 'Is an unmuzzled XL legal?', 1, NOW).question
    assert.match(q.text, /Fennimore/)
    assert.equal(q.publicText, 'Is an unmuzzled XL legal?')
  })

  it('[Q6] only questions on the public feed can be upvoted', () => {
    assert.equal(
      codeOf(() => assertVotable(question())),
      'not_votable',
    )
    assert.equal(
      codeOf(() => assertVotable(approve(question(), NOW).question)),
      null,
    )
  })
})

describe('answer rules', () => {
  const input = {
    id: 'a1',
    authorId: 'u1',
    authorName: 'PC Patel',
    kind: 'answer' as const,
    body: 'Yes, it must be muzzled in public.',
  }

  it('[A1] only approved questions can be answered', () => {
    assert.equal(
      codeOf(() => draft(question(), null, input, NOW)),
      'question_state',
    )
  })

  it('[A2] publishing marks the question answered and puts both on the public feed', () => {
    const q = approve(question(), NOW).question
    const { answer } = draft(q, null, input, NOW)
    const out = publish(answer, q, NOW)
    assert.equal(out.question.state, 'answered')
    assert.equal(out.answer.state, 'published')
    const [e] = out.events
    assert.equal(e?.type, 'answer.published')
    assert.equal(e?.visibility, 'public')
    assert.doesNotMatch(JSON.stringify(e?.data), /Fennimore/)
  })

  it('[A3] an answer of any kind needs words', () => {
    const q = approve(question(), NOW).question
    assert.equal(
      codeOf(() => draft(q, null, { ...input, kind: 'operational', body: ' ' }, NOW)),
      'body_empty',
    )
  })

  it('[A4] only a published answer can be edited in place, and the edit is public', () => {
    const q = approve(question(), NOW).question
    const { answer } = draft(q, null, input, NOW)
    assert.equal(
      codeOf(() => editPublished(answer, { body: 'x y', kind: 'answer' }, NOW)),
      'not_published',
    )
    const published = publish(answer, q, NOW).answer
    const edited = editPublished(
      published,
      { body: 'Corrected: muzzled and on a lead.', kind: 'answer' },
      NOW,
    )
    assert.equal(edited.events[0]?.visibility, 'public')
    assert.equal(edited.answer.publishedAt, published.publishedAt)
  })
})
