import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { answerQuestion } from '../../src/app/answers.ts'
import { moderate } from '../../src/app/moderation.ts'
import type { ConnectorModule } from '../../src/connectors/connector.ts'
import { mastodon } from '../../src/connectors/mastodon/index.ts'
import type { Question } from '../../src/domain/types.ts'
import { FakeMastodon } from './mastodon-server.ts'
import { testSettings, until } from './peers.ts'
import { connectorWorld } from './world.ts'

describe('Mastodon connector against a loopback instance (masto.js)', () => {
  let server: FakeMastodon
  let world: Awaited<ReturnType<typeof connectorWorld>>
  const rejected = (id: string) =>
    until('the deletion', async () => {
      const q = (await world.deps.store.read.questions.findById(id)) as Question
      return q.state === 'rejected' ? q : null
    })

  before(async () => {
    server = await new FakeMastodon().start()
    world = await connectorWorld(
      'mastodon',
      mastodon as ConnectorModule<unknown>,
      { instanceUrl: server.url, accessToken: server.token },
      testSettings(),
      { sweepEveryMs: 300, reachEveryMs: 200 },
    )
    world.start()
    await until('the stream', () => server.streams() > 0)
  })
  after(async () => {
    await world?.close()
    await server?.stop()
  })

  it('[N1] takes tagged statuses from the hashtag stream, and nothing else', async () => {
    server.post('alice', 'Is a muzzle needed on a lead? #askGMP')
    server.post('alice', 'Unrelated toot about my cat')
    server.post('bob@other.example', 'Can I appeal a seizure? #AskGMP')
    await world.byText('Can I appeal a seizure? #AskGMP')
    const q = await world.byText('Is a muzzle needed on a lead? #askGMP')
    assert.equal((await world.queue()).length, 2)
    assert.equal(q.authorName, `@alice@${new URL(server.url).host}`)
    assert.match(q.externalUrl ?? '', /\/@alice\/\d+$/)
  })

  it('[N4] a deletion on the stream takes the question off the queue', async () => {
    const s = server.post('alice', 'Oops, wrong chat #askGMP')
    const q = await world.byText('Oops, wrong chat #askGMP')
    server.delete(s.id)
    assert.equal((await rejected(q.id)).rejectReason, 'deleted_at_source')
  })

  it('[N5] after a dropped connection, catches up from the timeline with no gap or duplicate', async () => {
    server.disconnect()
    server.post('carol', 'Posted while the stream was down #askGMP')
    await world.byText('Posted while the stream was down #askGMP')
    await until('the stream back', () => server.streams() > 0)
    server.post('carol', 'Posted after it came back #askGMP')
    await world.byText('Posted after it came back #askGMP')
    const ids = (await world.queue()).map((q) => q.externalId)
    assert.equal(new Set(ids).size, ids.length)
  })

  it('[N1] survives a malformed frame', async () => {
    server.garble()
    server.post('dave', 'After the garbage #askGMP')
    await world.byText('After the garbage #askGMP')
  })

  it('[N6] honours 429 Retry-After on the timeline', async () => {
    await world.stop()
    server.throttle.push({ path: '/api/v1/timelines/tag', retryAfter: 1 })
    server.requests = []
    const t0 = Date.now()
    world.start()
    server.post('erin', 'Asked during a rate limit #askGMP')
    await world.byText('Asked during a rate limit #askGMP')
    assert.ok(Date.now() - t0 >= 1000, 'waited for Retry-After')
    const timeline = server.requests.filter((r) => r.includes('/timelines/tag/'))
    assert.ok(timeline.length <= 3, `no hammering: ${timeline.length} timeline requests`)
  })

  it('[N1] falls back to the timeline when streaming is refused', async () => {
    await world.stop()
    server.refuseStreaming = true
    world.start()
    server.post('frank', 'Polled, not streamed #askGMP')
    await world.byText('Polled, not streamed #askGMP')
    server.refuseStreaming = false
  })

  it('[N4] the sweep notices a deletion the stream missed', async () => {
    const s = server.post('gina', 'Deleted quietly #askGMP')
    const q = await world.byText('Deleted quietly #askGMP')
    server.statuses.splice(server.statuses.indexOf(s), 1)
    await rejected(q.id)
  })

  it('[N7][N8][N9][N11] answers back as a threaded reply and counts its reach', async () => {
    const q = await world.byText('Is a muzzle needed on a lead? #askGMP')
    await moderate(world.deps, world.admin, world.chat.slug, q.id, { type: 'approve' })
    const body = 'In public, an XL Bully must be muzzled and on a lead. '.repeat(12)
    const answer = await answerQuestion(world.deps, world.admin, world.chat.slug, q.id, {
      kind: 'answer',
      body,
      publish: true,
    })
    const posts = await until('the thread', async () => {
      const p = await world.deps.store.read.connectors.postsByAnswer(answer.id)
      return p.length >= 2 ? p : null
    })
    const original = server.statuses.find((s) => s.uri === q.externalId)
    let parent = original?.id
    for (const p of posts) {
      const s = server.statuses.find((x) => x.uri === p.externalId)
      assert.equal(s?.in_reply_to_id, parent)
      assert.ok(String(s?.content).length <= 520)
      parent = s?.id
    }
    const last = server.statuses.find((x) => x.uri === posts.at(-1)?.externalId)
    assert.match(
      last?.content as string,
      new RegExp(`#askGMP http://askhour.test/answers/${answer.id}`),
    )
    // The organisation's reply carries the hashtag; it is never taken as a question.
    assert.ok(!(await world.queue()).some((x) => x.authorName?.startsWith('@askgmp')))
    const first = server.statuses.find((x) => x.uri === posts[0]?.externalId)
    if (first) Object.assign(first, { reblogs_count: 7, favourites_count: 21, replies_count: 3 })
    const reach = await until('reach counts', async () => {
      const rows = await world.deps.store.read.reports.reach(world.chat.id)
      return rows.find((r) => r.likes === 21)
    })
    assert.equal(reach.reposts, 7)
  })
})
