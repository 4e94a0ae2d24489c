import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { AtpAgent, RichText } from '@atproto/api'
import { answerQuestion } from '../../src/app/answers.ts'
import { connectAccount, connectorStates, switchNetwork } from '../../src/app/connectors.ts'
import type { Deps } from '../../src/app/deps.ts'
import { publicFeed } from '../../src/app/feed.ts'
import { moderate } from '../../src/app/moderation.ts'
import { connectorModules, connectorServices } from '../../src/connectors/index.ts'
import { ConnectorRunner } from '../../src/connectors/runner.ts'
import type { Actor } from '../../src/domain/permissions.ts'
import type { Chat, Question } from '../../src/domain/types.ts'
import { soleLeadership } from '../../src/store/leader.ts'
import { chat, organisation } from '../factories.ts'
import {
  type Pds,
  pdsSkipReason,
  realTimeDeps,
  startPds,
  testKeyring,
  testSettings,
  until,
} from './peers.ts'

const skip = pdsSkipReason()

async function account(pds: Pds, handle: string) {
  const agent = new AtpAgent({ service: pds.pdsUrl })
  await agent.createAccount({
    handle,
    email: `${handle}@example.test`,
    password: 'hunter2-hunter2',
  })
  return agent
}

async function post(agent: AtpAgent, text: string) {
  const rt = new RichText({ text })
  rt.detectFacetsWithoutResolution()
  return agent.post({ text: rt.text, facets: rt.facets, createdAt: new Date().toISOString() })
}

/**
 * The reference PDS has no AppView, so reach (`app.bsky.feed.getPosts`) is served by a loopback
 * stand-in that answers in the AppView's documented shape, counting every post it is asked about.
 */
async function appView() {
  const asked = new Set<string>()
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/xrpc/app.bsky.feed.getPosts') {
      res
        .writeHead(501, { 'content-type': 'application/json' })
        .end('{"error":"MethodNotImplemented"}')
      return
    }
    const uris = url.searchParams.getAll('uris')
    for (const u of uris) asked.add(u)
    const posts = uris.map((uri) => ({
      uri,
      cid: 'bafyreid-stub',
      author: { did: uri.split('/')[2], handle: 'askgmp.test' },
      record: { $type: 'app.bsky.feed.post', text: '', createdAt: new Date().toISOString() },
      replyCount: 4,
      repostCount: 2,
      quoteCount: 1,
      likeCount: 7,
      indexedAt: new Date().toISOString(),
    }))
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ posts }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    close: () => new Promise((r) => server.close(r)),
  }
}

describe('Bluesky connector against the reference PDS', { skip }, () => {
  let pds: Pds
  let view: Awaited<ReturnType<typeof appView>>
  let deps: Deps
  let admin: Actor
  let c: Chat
  let alice: AtpAgent
  let org: AtpAgent
  let runner: ConnectorRunner
  let secret: string
  const settings = () => ({
    ...testSettings(),
    bluesky: {
      stream: 'firehose' as const,
      streamUrl: pds.pdsUrl,
      plcUrl: pds.plcUrl,
      appViewUrl: view.url,
    },
  })
  const startRunner = () => {
    const r = new ConnectorRunner(deps, {
      modules: { bluesky: connectorModules.bluesky },
      settings: settings(),
      keyring: testKeyring(),
      leadership: soleLeadership(),
      tickMs: 100,
      backoff: { baseMs: 50, maxMs: 500 },
      cursorEveryMs: 100,
      reachEveryMs: 200,
    })
    r.start()
    return r
  }
  const queue = async () =>
    (await deps.store.read.questions.list(c.id)).filter((q) => q.source === 'bluesky')
  const byText = async (text: string) =>
    until(`question "${text}"`, async () => (await queue()).find((q) => q.text === text))

  before(async () => {
    pds = await startPds()
    view = await appView()
    deps = await realTimeDeps()
    ;({ admin } = await organisation(deps, 'gmp'))
    c = await chat(deps, admin, 'gmp', 'live')
    org = await account(pds, 'askgmp.test')
    alice = await account(pds, 'alice.test')
    const appPassword = await org.com.atproto.server.createAppPassword({ name: 'askhour' })
    secret = appPassword.data.password
    const services = connectorServices(testKeyring(), settings())
    const connected = await connectAccount(deps, services, admin, 'gmp', 'bluesky', {
      service: pds.pdsUrl,
      identifier: 'askgmp.test',
      appPassword: appPassword.data.password,
    })
    assert.equal(connected.handle, '@askgmp.test')
    await switchNetwork(deps, admin, c.slug, 'bluesky', {
      enabled: true,
      answerBack: true,
      redirectReplies: true,
    })
    runner = startRunner()
    await until('the connector to connect', async () => {
      const s = await connectorStates(deps, admin, c.slug)
      return s.find((x) => x.network === 'bluesky')?.state === 'connected'
    })
  })

  after(async () => {
    await runner?.stop()
    await deps?.store.close()
    await pds?.stop()
    await view?.close()
  })

  it('[N2] stores the credentials sealed, never in clear', async () => {
    const row = await deps.store.read.connectors.findAccount(c.orgId, 'bluesky')
    assert.ok(row)
    assert.ok(!row.secret.includes(secret) && !row.secret.includes('askgmp'))
    assert.match(row.secret, /^v1\./)
  })

  it('[N1][Q11] takes exactly the posts tagged with the chat hashtag into the queue', async () => {
    await post(alice, 'Can my XL Bully be exempt if I got him in 2023? #askGMP')
    await post(alice, 'Nothing to do with the chat, lovely weather')
    await post(alice, 'What counts as a muzzle in public? #AskGMP')
    await post(alice, 'A different chat entirely #askGMPfoo')
    await post(alice, 'Ask GMP without a tag: how do I report a dog attack?')
    const last = await byText('What counts as a muzzle in public? #AskGMP')
    // The untagged posts came before the last tagged one: had they matched, they would be here.
    const texts = (await queue()).map((q) => q.text).sort()
    assert.deepEqual(texts, [
      'Can my XL Bully be exempt if I got him in 2023? #askGMP',
      'What counts as a muzzle in public? #AskGMP',
    ])
    assert.equal(last.state, 'pending')
    assert.equal(last.authorName, '@alice.test')
    assert.match(last.externalId ?? '', /^at:\/\/did:plc:[a-z0-9]+\/app\.bsky\.feed\.post\//)
    assert.match(last.externalUrl ?? '', /^https:\/\/bsky\.app\/profile\/did:plc:.+\/post\//)
  })

  it('[N5] resumes from the stored cursor after a restart: no gap, no duplicate', async () => {
    await post(alice, 'Before the restart #askGMP')
    await byText('Before the restart #askGMP')
    await runner.stop()
    // Posted while no connector runs: the firehose replays them from the stored cursor.
    await post(alice, 'During the restart 1 #askGMP')
    await post(alice, 'During the restart 2 #askGMP')
    runner = startRunner()
    await post(alice, 'After the restart #askGMP')
    await byText('After the restart #askGMP')
    await byText('During the restart 2 #askGMP')
    const ids = (await queue()).map((q) => q.externalId)
    assert.equal(ids.length, 6)
    assert.equal(new Set(ids).size, 6, 'one question per post')
  })

  it('[N4] a deleted post leaves the queue and the public feed', async () => {
    const pending = await post(alice, 'Delete me while pending #askGMP')
    const onFeed = await post(alice, 'Delete me once approved #askGMP')
    const p = await byText('Delete me while pending #askGMP')
    const q = await byText('Delete me once approved #askGMP')
    await moderate(deps, admin, c.slug, q.id, { type: 'approve' })
    assert.ok((await publicFeed(deps, c)).items.some((i) => i.question.id === q.id))
    await alice.deletePost(pending.uri)
    await alice.deletePost(onFeed.uri)
    const gone = async (id: string) =>
      until('the deletion', async () => {
        const now = (await deps.store.read.questions.findById(id)) as Question
        return now.state === 'rejected' ? now : null
      })
    assert.equal((await gone(p.id)).rejectReason, 'deleted_at_source')
    await gone(q.id)
    assert.ok(!(await publicFeed(deps, c)).items.some((i) => i.question.id === q.id))
    const log = await deps.store.read.events.after(c.id, 0, 'all')
    const deleted = log.filter((e) => e.type === 'question.deleted')
    assert.deepEqual(
      deleted.map((e) => [e.data.questionId, e.visibility]),
      [
        [p.id, 'staff'],
        [q.id, 'public'],
      ],
    )
  })

  it('[N7][N8][N9][N11] a published answer is replied under the original post, as a thread, and its reach counted', async () => {
    const q = await byText('Can my XL Bully be exempt if I got him in 2023? #askGMP')
    await moderate(deps, admin, c.slug, q.id, { type: 'approve' })
    const body = `${'Yes, if you applied for a Certificate of Exemption before the deadline. '.repeat(5)}Keep the certificate with you.`
    const answer = await answerQuestion(deps, admin, c.slug, q.id, {
      kind: 'answer',
      body,
      publish: true,
    })
    const posts = await until('the reply thread', async () => {
      const p = await deps.store.read.connectors.postsByAnswer(answer.id)
      return p.length >= 2 ? p : null
    })
    const origin = q.externalId as string
    let parent = origin
    for (const p of posts) {
      const [repo, collection, rkey] = p.externalId.replace('at://', '').split('/') as [
        string,
        string,
        string,
      ]
      const { data } = await org.com.atproto.repo.getRecord({ repo, collection, rkey })
      const record = data.value as {
        text: string
        reply: { root: { uri: string }; parent: { uri: string } }
      }
      assert.equal(record.reply.root.uri, origin, 'threaded under the original post')
      assert.equal(record.reply.parent.uri, parent, 'each part replies to the one before')
      assert.ok([...new Intl.Segmenter().segment(record.text)].length <= 300)
      parent = p.externalId
    }
    const lastPart = posts.at(-1) as (typeof posts)[number]
    const [repo, collection, rkey] = lastPart.externalId.replace('at://', '').split('/') as [
      string,
      string,
      string,
    ]
    const { data } = await org.com.atproto.repo.getRecord({ repo, collection, rkey })
    assert.match(
      (data.value as { text: string }).text,
      new RegExp(`#askGMP http://askhour.test/answers/${answer.id}`),
    )
    // [N11] Reach: the connector asks the AppView about every part and keeps the totals.
    const reach = await until('reach of the reply thread', async () => {
      const rows = (await deps.store.read.reports.reach(c.id)).filter(
        (r) => r.answerId === answer.id,
      )
      return rows.length === posts.length && rows.every((r) => r.likes === 7) ? rows : null
    })
    for (const r of reach) {
      assert.ok(view.asked.has(r.postId), 'asked about its own posts')
      assert.deepEqual([r.reposts, r.likes, r.replies], [3, 7, 4], 'reposts include quotes')
    }
    // The organisation's own reply carries the hashtag but never becomes a question.
    await post(alice, 'A marker after the answer #askGMP')
    await byText('A marker after the answer #askGMP')
    assert.ok(!(await queue()).some((x) => x.authorName === '@askgmp.test'))
  })

  it('[N7] a redirect sends the guidance as a reply', async () => {
    await post(alice, 'My neighbour is being attacked by a dog right now #askGMP')
    const q = await byText('My neighbour is being attacked by a dog right now #askGMP')
    await moderate(deps, admin, c.slug, q.id, { type: 'redirect', guidance: 'Call 999 now.' })
    const [sent] = await until('the redirect reply', async () => {
      const p = await deps.store.read.connectors.posts(q.id, 'bluesky', 'redirect')
      return p.length ? p : null
    })
    assert.ok(sent)
    const [repo, collection, rkey] = sent.externalId.replace('at://', '').split('/') as [
      string,
      string,
      string,
    ]
    const { data } = await org.com.atproto.repo.getRecord({ repo, collection, rkey })
    assert.match((data.value as { text: string }).text, /^Call 999 now\.\n\n#askGMP$/)
  })
})
