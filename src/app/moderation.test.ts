import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { chat, member, organisation } from '../../test/factories.ts'
import { testDeps } from '../../test/harness.ts'
import type { Actor } from '../domain/permissions.ts'
import type { Chat } from '../domain/types.ts'
import { answerQuestion } from './answers.ts'
import { hostMovesChat } from './chats.ts'
import { honourDeletion } from './connectors.ts'
import type { Deps } from './deps.ts'
import { publicAnswer } from './feed.ts'
import { moderate } from './moderation.ts'
import { askQuestion, ingestPost, listQuestions } from './questions.ts'
import { thank, upvote } from './reactions.ts'

describe('moderating a chat', () => {
  let deps: Deps
  let host: Actor
  let expert: Actor
  let live: Chat
  const ask = async (text: string, visitor = 'v') =>
    (await askQuestion(deps, live, { text }, { visitorKey: visitor })).question

  before(async () => {
    deps = await testDeps()
    const o = await organisation(deps)
    host = o.admin
    expert = await member(deps, o.org.id, 'expert', 'expert@gmp.test', 'PC Patel')
    live = await chat(deps, host, 'gmp', 'live')
  })

  it('[Q8] merging adds the voters up, counting a visitor who voted for both once', async () => {
    const a = await ask('Do I need to muzzle my exempt XL in the car?')
    const b = await ask('Does the muzzle rule apply inside a vehicle?')
    for (const q of [a, b]) await moderate(deps, host, 'dogs-chat', q.id, { type: 'approve' })
    await upvote(deps, a.id, 'alice')
    await upvote(deps, a.id, 'bob')
    await upvote(deps, b.id, 'bob')
    await upvote(deps, b.id, 'carol')
    const merged = await moderate(deps, host, 'dogs-chat', b.id, { type: 'merge', into: a.id })
    assert.equal(merged.state, 'merged')
    assert.equal(merged.mergedInto, a.id)
    assert.equal((await deps.store.read.questions.findById(a.id))?.votes, 3)
    const log = await deps.store.read.events.after(live.id, 0, 'public')
    assert.ok(log.some((e) => e.type === 'question.withdrawn' && e.data.questionId === b.id))
    await assert.rejects(upvote(deps, a.id, 'carol'), /already upvoted/)
  })

  it('[Q9] questions are assigned only to members of the organisation', async () => {
    const q = await ask('Who pays for the kennels when a dog is seized?')
    const assigned = await moderate(deps, host, 'dogs-chat', q.id, {
      type: 'assign',
      expertId: expert.userId,
    })
    assert.equal(assigned.assignedTo, expert.userId)
    await assert.rejects(
      moderate(deps, host, 'dogs-chat', q.id, { type: 'assign', expertId: 'someone-else' }),
      /members of the organisation/,
    )
  })

  it('[Q13] undoing a mask rebuilds the public text from the original with the masks that remain', async () => {
    const q = await ask(
      'My neighbour on 07700 900456 has an XL; email me at jo@example.com please?',
    )
    assert.equal(q.masks.length, 2)
    const phone = q.masks.find((m) => m.type === 'phone')
    assert.ok(phone)
    const undone = await moderate(deps, host, 'dogs-chat', q.id, {
      type: 'unmask',
      start: phone.start,
      end: phone.end,
      version: q.version,
    })
    assert.match(undone.publicText, /07700 900456/)
    assert.doesNotMatch(undone.publicText, /jo@example\.com/)
    await assert.rejects(
      moderate(deps, host, 'dogs-chat', q.id, {
        type: 'unmask',
        start: phone.start,
        end: phone.end,
        version: q.version,
      }),
      /Someone else changed/,
    )
    await assert.rejects(
      moderate(deps, host, 'dogs-chat', q.id, {
        type: 'unmask',
        start: phone.start,
        end: phone.end,
        version: undone.version,
      }),
      /not masked/,
    )
  })

  it('[Q14] the queue puts emergencies first, then crime reports, and suggests likely duplicates', async () => {
    const fresh = await testDeps()
    const o = await organisation(fresh)
    const c = await chat(fresh, o.admin, 'gmp', 'live')
    const say = async (text: string) =>
      (await askQuestion(fresh, c, { text }, { visitorKey: 'v' })).question
    const plain = await say('Can I walk my exempt XL bully off the lead in the park?')
    const report = await say(
      'I want to report my neighbour who lets his dog roam the street every day and it bit my son last week, I have photos',
    )
    const emergency = await say(
      'a dog is attacking a child right now outside the shop and won’t let go',
    )
    const dup = await say('Is it legal to let an exempt XL bully off its lead in a park?')
    const queue = await listQuestions(fresh, c, { states: ['pending'] })
    assert.deepEqual(
      queue.slice(0, 2).map((q) => q.id),
      [emergency.id, report.id],
    )
    const suggestions = queue.find((q) => q.id === dup.id)?.similar.map((s) => s.id)
    assert.ok(suggestions?.includes(plain.id), 'the paraphrase is suggested as a duplicate')
  })

  it('[Q11] a network post becomes one pending question however often it is seen', async () => {
    const post = {
      source: 'bluesky' as const,
      externalId: 'at://did:plc:abc/app.bsky.feed.post/1',
      externalUrl: null,
      authorHandle: '@sam.bsky.social',
      text: 'Can I still apply for an exemption certificate? #askGMP',
    }
    const first = await ingestPost(deps, live, post, 'connector:bluesky')
    const again = await ingestPost(deps, live, post, 'connector:bluesky')
    assert.ok(first)
    assert.equal(first.state, 'pending')
    assert.equal(again, null)
  })

  it('[A5] a published answer can be thanked once per visitor', async () => {
    const q = await ask('How long does an exemption certificate take to arrive?')
    await moderate(deps, host, 'dogs-chat', q.id, { type: 'approve' })
    const a = await answerQuestion(deps, expert, 'dogs-chat', q.id, {
      kind: 'answer',
      body: 'Usually within four weeks.',
      publish: true,
    })
    assert.deepEqual(await thank(deps, a.id, 'alice'), { thanks: 1 })
    await assert.rejects(thank(deps, a.id, 'alice'), /already thanked/)
    assert.deepEqual(await thank(deps, a.id, 'bob'), { thanks: 2 })
  })

  it('[A6] an answer page disappears with its question when the post is deleted at source', async () => {
    const post = {
      source: 'bluesky' as const,
      externalId: 'at://did:plc:abc/app.bsky.feed.post/del',
      externalUrl: null,
      authorHandle: '@sam.bsky.social',
      text: 'Do muzzles have to be basket muzzles? #askGMP',
    }
    const q = await ingestPost(deps, live, post, 'connector:bluesky')
    assert.ok(q)
    await moderate(deps, host, 'dogs-chat', q.id, { type: 'approve' })
    const a = await answerQuestion(deps, expert, 'dogs-chat', q.id, {
      kind: 'answer',
      body: 'Yes, a basket muzzle.',
      publish: true,
    })
    assert.equal((await publicAnswer(deps, a.id)).answer.id, a.id)
    await honourDeletion(deps, 'bluesky', post.externalId)
    await assert.rejects(publicAnswer(deps, a.id), /not found/)
  })

  it('[Q1] a question never commits after the chat has closed, even if the caller read it open', async () => {
    const fresh = await testDeps()
    const o = await organisation(fresh)
    const c = await chat(fresh, o.admin, 'gmp', 'live')
    await hostMovesChat(fresh, o.admin, c.slug, 'closed')
    // `c` is the caller's stale copy, still saying live.
    await assert.rejects(
      askQuestion(fresh, c, { text: 'Am I too late to ask?' }, { visitorKey: 'v' }),
      /closed/,
    )
  })
})
