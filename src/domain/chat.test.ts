import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { codeOf } from '../../test/errors.ts'
import {
  acceptsQuestions,
  checkHashtag,
  checkTimes,
  dueTransition,
  edit,
  transition,
} from './chat.ts'
import type { Chat } from './types.ts'

const chat = (over: Partial<Chat> = {}): Chat => ({
  id: 'c1',
  orgId: 'o1',
  slug: 'dogs',
  title: 'Dogs',
  theme: 'XL Bully',
  hashtag: '#askGMP',
  description: '',
  opensAt: '2026-12-01T10:00:00.000Z',
  startsAt: '2026-12-08T18:00:00.000Z',
  endsAt: '2026-12-08T20:00:00.000Z',
  state: 'draft',
  experts: [],
  lastSeq: 0,
  createdAt: '2026-11-30T00:00:00.000Z',
  updatedAt: '2026-11-30T00:00:00.000Z',
  ...over,
})

describe('chat rules', () => {
  it('[C1] a chat moves draft → scheduled → live → closed and never backwards from live', () => {
    let c = chat()
    c = transition(c, 'scheduled', '2026-11-30T00:00:00.000Z').chat
    c = transition(c, 'live', '2026-12-08T18:00:00.000Z').chat
    c = transition(c, 'closed', '2026-12-08T20:00:00.000Z').chat
    assert.equal(c.state, 'closed')
    assert.equal(
      codeOf(() => transition(c, 'live', '2026-12-09T00:00:00.000Z')),
      'invalid_transition',
    )
    assert.equal(
      codeOf(() => transition(chat(), 'live', '2026-12-01T00:00:00.000Z')),
      'invalid_transition',
    )
  })

  it('[C1] each move is one public event carrying the new state and times', () => {
    const { events } = transition(chat(), 'scheduled', '2026-11-30T00:00:00.000Z')
    assert.deepEqual(
      events.map((e) => [e.type, e.visibility]),
      [['chat.scheduled', 'public']],
    )
  })

  it('[C2] questions open no later than the start, and the end comes after the start', () => {
    assert.equal(
      codeOf(() =>
        checkTimes({
          opensAt: '2026-12-09T00:00:00Z',
          startsAt: '2026-12-08T00:00:00Z',
          endsAt: '2026-12-10T00:00:00Z',
        }),
      ),
      'invalid_times',
    )
    assert.equal(
      codeOf(() =>
        checkTimes({
          opensAt: '2026-12-08T00:00:00Z',
          startsAt: '2026-12-08T00:00:00Z',
          endsAt: '2026-12-08T00:00:00Z',
        }),
      ),
      'invalid_times',
    )
  })

  it('[C3] the clock starts a scheduled chat at its start time and closes a live one at its end', () => {
    const scheduled = chat({ state: 'scheduled' })
    assert.equal(dueTransition(scheduled, '2026-12-08T17:59:59.999Z'), null)
    assert.equal(dueTransition(scheduled, '2026-12-08T18:00:00.000Z'), 'live')
    assert.equal(dueTransition(chat({ state: 'live' }), '2026-12-08T20:00:00.000Z'), 'closed')
    assert.equal(dueTransition(chat({ state: 'draft' }), '2027-01-01T00:00:00.000Z'), null)
  })

  it('[C4] a hashtag is # then a letter then letters, digits or underscores', () => {
    for (const ok of ['#askGMP', '#AskTheCouncil', '#ask_fire_2026'])
      assert.equal(
        codeOf(() => checkHashtag(ok)),
        null,
      )
    for (const bad of ['askGMP', '#1ask', '#a', '#ask gmp', '#ask-gmp', `#${'a'.repeat(60)}`]) {
      assert.equal(
        codeOf(() => checkHashtag(bad)),
        'invalid_hashtag',
        bad,
      )
    }
  })

  it('[C5] starting early or closing early moves the advertised times to the real ones', () => {
    const early = transition(chat({ state: 'scheduled' }), 'live', '2026-12-08T17:30:00.000Z').chat
    assert.equal(early.startsAt, '2026-12-08T17:30:00.000Z')
    const closed = transition(early, 'closed', '2026-12-08T19:00:00.000Z').chat
    assert.equal(closed.endsAt, '2026-12-08T19:00:00.000Z')
  })

  it('[C6] a closed chat cannot be edited, and edits keep the hashtag and times valid', () => {
    assert.equal(
      codeOf(() => edit(chat({ state: 'closed' }), { title: 'x' }, '2026-12-09T00:00:00Z')),
      'chat_closed',
    )
    assert.equal(
      codeOf(() => edit(chat(), { hashtag: 'nohash' }, '2026-12-01T00:00:00Z')),
      'invalid_hashtag',
    )
    assert.equal(
      edit(chat(), { title: 'New title' }, '2026-12-01T00:00:00Z').chat.title,
      'New title',
    )
  })

  it('[Q1] questions are taken from opensAt on a scheduled chat, while live, and never on a draft or closed chat', () => {
    assert.equal(acceptsQuestions(chat({ state: 'scheduled' }), '2026-12-01T09:59:59.000Z'), false)
    assert.equal(acceptsQuestions(chat({ state: 'scheduled' }), '2026-12-01T10:00:00.000Z'), true)
    assert.equal(acceptsQuestions(chat({ state: 'live' }), '2026-12-08T19:00:00.000Z'), true)
    assert.equal(acceptsQuestions(chat({ state: 'draft' }), '2026-12-05T00:00:00.000Z'), false)
    assert.equal(acceptsQuestions(chat({ state: 'closed' }), '2026-12-08T19:00:00.000Z'), false)
  })
})
