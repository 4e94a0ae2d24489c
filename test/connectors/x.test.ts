import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { answerQuestion } from '../../src/app/answers.ts'
import { moderate } from '../../src/app/moderation.ts'
import type { ConnectorModule } from '../../src/connectors/connector.ts'
import { x } from '../../src/connectors/x/index.ts'
import type { Question } from '../../src/domain/types.ts'
import { testSettings, until } from './peers.ts'
import { connectorWorld } from './world.ts'
import { FakeX } from './x-server.ts'

describe('X connector against a loopback HTTPS API (twitter-api-v2)', () => {
  let server: FakeX
  let world: Awaited<ReturnType<typeof connectorWorld>>

  before(async () => {
    server = await new FakeX().start()
    const settings = testSettings({ x: { pollMs: 150, apiRoot: server.url, agent: server.agent } })
    world = await connectorWorld(
      'x',
      x as ConnectorModule<unknown>,
      { appKey: 'k', appSecret: 's', accessToken: 't', accessSecret: 'ts', bearerToken: 'b' },
      settings,
      { sweepEveryMs: 300, reachEveryMs: 200 },
    )
    world.start()
    await until('connected', async () => (await world.state()) === 'connected')
  })
  after(async () => {
    await world?.close()
    await server?.stop()
  })

  it('[N1] takes tagged tweets from recent search, across pages, and no retweets', async () => {
    server.pageSize = 2
    server.post('dogowner', 'Which breeds are banned? #askGMP')
    server.post('dogowner', 'Just my lunch')
    server.post('walker', 'Are muzzles needed in cars? #AskGMP')
    server.post('walker', 'RT @dogowner: Which breeds are banned? #askGMP', {
      referenced_tweets: [{ type: 'retweeted', id: '1' }],
    })
    server.post('third', 'Where do I apply for exemption? #askgmp')
    await world.byText('Where do I apply for exemption? #askgmp')
    await world.byText('Which breeds are banned? #askGMP')
    const qs = await world.queue()
    assert.equal(qs.length, 3)
    const q = qs.find((x) => x.text.startsWith('Are muzzles')) as Question
    assert.equal(q.authorName, '@walker')
    assert.equal(q.externalUrl, `https://x.com/walker/status/${q.externalId}`)
    server.pageSize = 100
  })

  it('[N6] waits for x-rate-limit-reset after a 429', async () => {
    server.rateLimitResetSeconds = 2
    server.faults.push('429')
    server.searches = []
    const t0 = Date.now()
    server.post('eve', 'Asked while throttled #askGMP')
    await world.byText('Asked while throttled #askGMP')
    const [first, second] = server.searches
    assert.ok(first !== undefined && second !== undefined)
    assert.ok(second - first >= 1000, `waited ${second - first} ms`)
    assert.ok(Date.now() - t0 >= 1000)
  })

  it('[N5] survives a malformed body and a cut connection with no gap or duplicate', async () => {
    server.faults.push('malformed', 'cut')
    server.post('fay', 'Asked during the trouble #askGMP')
    await world.byText('Asked during the trouble #askGMP')
    await world.stop()
    server.post('fay', 'Asked while we were stopped #askGMP')
    world.start()
    await world.byText('Asked while we were stopped #askGMP')
    const ids = (await world.queue()).map((q) => q.externalId)
    assert.equal(new Set(ids).size, ids.length)
  })

  it('[N4] a deleted tweet leaves the queue within a sweep', async () => {
    const t = server.post('gus', 'Delete me please #askGMP')
    const q = await world.byText('Delete me please #askGMP')
    server.tweets.splice(server.tweets.indexOf(t), 1)
    await until('the deletion', async () => {
      const now = (await world.deps.store.read.questions.findById(q.id)) as Question
      return now.state === 'rejected'
    })
  })

  it('[N7][N8][N11] answers back as a reply thread of 280-character tweets and counts reach', async () => {
    const q = await world.byText('Which breeds are banned? #askGMP')
    await moderate(world.deps, world.admin, world.chat.slug, q.id, { type: 'approve' })
    const body =
      'The XL Bully type is banned under the Dangerous Dogs Act 1991, as amended. '.repeat(5)
    const answer = await answerQuestion(world.deps, world.admin, world.chat.slug, q.id, {
      kind: 'answer',
      body,
      publish: true,
    })
    const posts = await until('the thread', async () => {
      const p = await world.deps.store.read.connectors.postsByAnswer(answer.id)
      return p.length >= 2 ? p : null
    })
    let parent = q.externalId
    for (const p of posts) {
      const t = server.tweets.find((x) => x.id === p.externalId)
      assert.equal(t?.in_reply_to_tweet_id, parent)
      assert.ok((t?.text.length ?? 0) <= 280)
      assert.equal(p.url, `https://x.com/askgmp/status/${p.externalId}`)
      parent = p.externalId
    }
    assert.ok(!(await world.queue()).some((x) => x.authorName === '@askgmp'))
    const first = server.tweets.find((x) => x.id === posts[0]?.externalId)
    if (first)
      first.public_metrics = { retweet_count: 4, quote_count: 1, like_count: 9, reply_count: 2 }
    const reach = await until('reach', async () =>
      (await world.deps.store.read.reports.reach(world.chat.id)).find((r) => r.likes === 9),
    )
    assert.equal(reach.reposts, 5)
    assert.equal(reach.replies, 2)
  })
})
