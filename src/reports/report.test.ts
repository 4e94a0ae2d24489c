import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { chat, organisation } from '../../test/factories.ts'
import { manualClock, testDeps } from '../../test/harness.ts'
import { reportScenario } from '../../test/report-scenario.ts'
import { hostMovesChat } from '../app/chats.ts'
import { askQuestion } from '../app/questions.ts'
import { chatReport } from '../app/reports.ts'
import type { Report } from './report.types.ts'

describe('Chat report figures', () => {
  let s: Awaited<ReturnType<typeof reportScenario>>
  let r: Report

  before(async () => {
    const clock = manualClock('2026-11-01T18:00:00.000Z')
    const deps = await testDeps(clock)
    const { admin } = await organisation(deps, 'gmp')
    // An earlier chat of the same organisation, for the comparison.
    const earlier = await chat(deps, admin, 'gmp', 'live', 'bins-chat')
    await askQuestion(deps, earlier, { text: 'When is my bin collected?' }, { visitorKey: 'v-old' })
    clock.advance(60 * 60_000)
    await hostMovesChat(deps, admin, 'bins-chat', 'closed')
    s = await reportScenario({ deps, clock })
    r = await chatReport(s.deps, s.admin, 'dogs-chat')
  })

  it('[R1] counts questions received before and during the chat, by source, and unique askers', () => {
    const q = r.questions
    assert.equal(r.status, 'final')
    assert.deepEqual(
      [q.received, q.receivedBefore, q.receivedDuring, q.receivedAfter],
      [10, 3, 7, 0],
    )
    assert.deepEqual(q.bySource, { web: 7, bluesky: 1, mastodon: 1, x: 1, import: 0 })
    // visitor-a asked twice; six web visitors and three network handles
    assert.equal(q.uniqueAskers, 9)
  })

  it('[R1] counts outcomes: published, answered (also via a merge), redirected, declined by reason, merged', () => {
    const q = r.questions
    assert.equal(q.approved, 6)
    assert.equal(q.answered, 3)
    assert.equal(q.answeredViaMerge, 1)
    assert.equal(q.redirected, 1)
    assert.equal(q.rejected, 2)
    assert.deepEqual(q.rejectedByReason, [
      { reason: 'Off topic: will the police seize my dog if I miss', count: 1 },
      { reason: 'Spam', count: 1 },
    ])
    assert.equal(q.merged, 1)
    assert.equal(q.pending, 1)
    assert.equal(q.awaitingAnswer, 2)
    assert.equal(q.answerRate, 0.6)
  })

  it('[R1] measures time to answer from question received to answer published, merged via target', () => {
    // q1 65 min, q2 (merged into q1) 55 min, q3 50 min, q4 30 min
    assert.equal(r.timeToAnswer.count, 4)
    assert.equal(r.timeToAnswer.medianSeconds, 3000)
    assert.equal(r.timeToAnswer.p90Seconds, 3900)
    const bands = Object.fromEntries(r.timeToAnswer.distribution.map((d) => [d.label, d.count]))
    assert.equal(bands['30–60 min'], 3)
    assert.equal(bands['1–3 hours'], 1)
  })

  it('[R1] counts answers by kind and by expert', () => {
    assert.equal(r.answers.published, 3)
    assert.deepEqual(r.answers.byKind, { answer: 2, operational: 1, redirect: 0 })
    const experts = r.answers.byExpert.map(({ expertId: _, ...e }) => e)
    assert.deepEqual(experts, [
      { name: 'Xena Expert', answers: 2, thanks: 2, medianSeconds: 1800 },
      { name: 'Yuri Expert', answers: 1, thanks: 1, medianSeconds: 3000 },
    ])
  })

  it('[R1] counts upvote clicks (not votes moved by a merge), voters, thanks and thank-you messages', () => {
    assert.deepEqual(r.reactions, { upvotes: 3, voters: 2, thanks: 3, thankYouMessages: 1 })
    assert.deepEqual(r.saidThanks, ['Thank you so much for running this chat, really helpful'])
  })

  it('[R1][R9] takes peak viewers summed over processes per minute, and visitor-days per page', () => {
    assert.equal(r.audience.recorded, true)
    assert.equal(r.audience.peakViewers, 19)
    assert.equal(r.audience.peakAt, '2026-12-01T13:05:00.000Z')
    assert.equal(r.audience.liveViewers, 2)
    assert.deepEqual(r.audience.answerViews, [
      { answerId: s.answers.a1.id, questionId: s.q.q1?.id, views: 4, visitors: 2 },
    ])
    assert.deepEqual(r.reach, { connected: false, byNetwork: [] })
  })

  it('[R1] buckets activity in 5 minutes and names the busiest periods', () => {
    assert.equal(r.activity.series.length, 24)
    assert.equal(r.activity.series[0]?.start, '2026-12-01T13:00:00.000Z')
    assert.deepEqual(r.activity.before, { start: r.chat.startsAt, questions: 3, answers: 0 })
    const active = r.activity.series.filter((b) => b.questions || b.answers)
    assert.deepEqual(
      active.map((b) => [b.start.slice(11, 16), b.questions, b.answers]),
      [
        ['13:00', 3, 0],
        ['13:05', 4, 0],
        ['13:15', 0, 1],
        ['13:20', 0, 1],
        ['13:30', 0, 1],
      ],
    )
    assert.deepEqual(
      r.busiest.map((b) => [b.start.slice(11, 16), b.questions]),
      [
        ['13:05', 4],
        ['13:00', 3],
        ['12:10', 1],
      ],
    )
  })

  it('[R1] finds themes from merges and near-duplicates, and frequent terms as people wrote them', () => {
    const first = r.themes.groups[0]
    assert.ok(first)
    assert.deepEqual(new Set(first.questionIds), new Set([s.q.q1?.id, s.q.q2?.id]))
    assert.equal(first.label, s.q.q1?.publicText)
    const terms = r.themes.terms.map((t) => t.term)
    assert.ok(terms.includes('dog'), terms.join())
    // "breeds" and "breed" stem to "bre"; the report shows a word someone wrote
    assert.ok(terms.includes('breed') && !terms.includes('bre'), terms.join())
  })

  it('[R1] lists pending and approved questions never answered for follow-up, thanks left out', () => {
    assert.deepEqual(
      r.followUp.map((f) => f.questionId),
      [s.q.q5?.id, s.q.q9?.id],
    )
  })

  it('[R10] compares with the organisation’s earlier closed chats, oldest first', () => {
    assert.deepEqual(
      r.comparison.map((c) => [c.slug, c.received, c.answered]),
      [
        ['bins-chat', 1, 0],
        ['dogs-chat', 10, 3],
      ],
    )
  })

  it('[R9] shows reach once a connector reports it', async () => {
    await s.deps.store.transaction((tx) =>
      tx.connectors.saveReach({
        network: 'bluesky',
        postId: 'at://post/1',
        chatId: s.chat.id,
        answerId: s.answers.a1.id,
        postUrl: null,
        reposts: 4,
        likes: 10,
        replies: 2,
        at: s.deps.now().toISOString(),
      }),
    )
    const again = await chatReport(s.deps, s.admin, 'dogs-chat')
    assert.deepEqual(again.reach, {
      connected: true,
      byNetwork: [{ network: 'bluesky', posts: 1, reposts: 4, likes: 10, replies: 2 }],
    })
  })
})

describe('Live report', () => {
  it('[R2] is live while the chat runs and final once it closes; nothing recorded shows as null', async () => {
    const deps = await testDeps(manualClock())
    const { admin } = await organisation(deps, 'gmp')
    const c = await chat(deps, admin, 'gmp', 'live')
    await askQuestion(deps, c, { text: 'Is my dog affected by the ban?' }, { visitorKey: 'v1' })
    const live = await chatReport(deps, admin, c.slug)
    assert.equal(live.status, 'live')
    assert.equal(live.questions.received, 1)
    assert.equal(live.audience.recorded, false)
    assert.equal(live.audience.peakViewers, null)
    assert.equal(live.timeToAnswer.medianSeconds, null)
    assert.equal(live.questions.answerRate, null)
    await hostMovesChat(deps, admin, c.slug, 'closed')
    assert.equal((await chatReport(deps, admin, c.slug)).status, 'final')
  })
})
