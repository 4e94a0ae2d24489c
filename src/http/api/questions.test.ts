import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chat, organisation } from '../../../test/factories.ts'
import { manualClock, testDeps, testServer } from '../../../test/harness.ts'
import { Client } from '../../../test/http.ts'
import type { Deps } from '../../app/deps.ts'
import type { Server } from '../server.ts'

const ASK = '/api/v1/chats/dogs-chat/questions'

describe('asking questions over HTTP', () => {
  const clock = manualClock()
  let deps: Deps
  let server: Server
  before(async () => {
    deps = await testDeps(clock)
    server = await testServer(deps, { questionsPerVisitor: 3, questionsPerChat: 1000 })
    const { admin } = await organisation(deps, 'gmp')
    await chat(deps, admin, 'gmp', 'live')
    await chat(deps, admin, 'gmp', 'draft', 'draft-chat')
  })
  after(() => server.shutdown())

  const count = async () =>
    (
      await deps.store.read.questions.list(
        (await deps.store.read.chats.findBySlug('dogs-chat'))?.id ?? '',
      )
    ).length

  it('[Q3] a retried submission with the same Idempotency-Key returns the first question and makes no second one', async () => {
    const web = new Client(server.app)
    const before = await count()
    const headers = { 'idempotency-key': 'retry-key-0001' }
    const first = await web.post(ASK, { text: 'Do I need a muzzle on my own land?' }, headers)
    const retry = await web.post(ASK, { text: 'Do I need a muzzle on my own land?' }, headers)
    assert.equal(first.statusCode, 201)
    assert.equal(retry.statusCode, 201)
    assert.equal(retry.json().id, first.json().id)
    assert.equal(retry.headers['idempotent-replayed'], 'true')
    assert.equal(await count(), before + 1)
    const reused = await web.post(ASK, { text: 'A different question altogether?' }, headers)
    assert.equal(reused.statusCode, 409)
    assert.equal(reused.json().error, 'idempotency_key_reused')
  })

  it('[H1] bad input gets 400 naming the field, and nothing is written', async () => {
    const before = await count()
    const web = new Client(server.app)
    const wrongType = await web.post(ASK, { text: 42 })
    assert.equal(wrongType.statusCode, 400)
    assert.equal(wrongType.json().field, 'body.text')
    assert.match(wrongType.json().message, /body\.text/)
    const tooShort = await web.post(ASK, { text: ' ' })
    assert.equal(tooShort.json().field, 'text')
    const badJson = await web.request('POST', ASK, '{"text": "unterminated', {
      'content-type': 'application/json',
    })
    assert.equal(badJson.statusCode, 400)
    assert.equal(typeof badJson.json().error, 'string')
    const badKey = await web.post(
      ASK,
      { text: 'Valid question here?' },
      { 'idempotency-key': 'no spaces allowed' },
    )
    assert.equal(badKey.statusCode, 400)
    assert.equal(await count(), before)
  })

  it('[H2] a body over 64 KiB gets 413 and nothing is written', async () => {
    const before = await count()
    const res = await new Client(server.app).post(ASK, { text: 'x'.repeat(70 * 1024) })
    assert.equal(res.statusCode, 413)
    assert.equal(res.json().error, 'payload_too_large')
    assert.equal(await count(), before)
  })

  it('[H3] a visitor asking too fast gets 429 with Retry-After; others still get through', async () => {
    const fast = new Client(server.app)
    const codes = []
    for (let i = 0; i < 4; i++)
      codes.push((await fast.post(ASK, { text: `Question number ${i} about dogs?` })).statusCode)
    assert.deepEqual(codes, [201, 201, 201, 429])
    const limited = await fast.post(ASK, { text: 'One more about muzzles?' })
    assert.ok(Number(limited.headers['retry-after']) >= 1)
    assert.equal(
      (await new Client(server.app).post(ASK, { text: 'Someone else asking?' })).statusCode,
      201,
    )
    clock.advance(61_000)
    assert.equal(
      (await fast.post(ASK, { text: 'After the window, can I ask again?' })).statusCode,
      201,
    )
  })

  it('[Q1] a draft chat is invisible and a closed chat refuses questions with a clear message', async () => {
    const web = new Client(server.app)
    assert.equal(
      (await web.post('/api/v1/chats/draft-chat/questions', { text: 'Is anyone there?' }))
        .statusCode,
      404,
    )
    const { admin } = await organisation(deps, 'gmp')
    await chat(deps, admin, 'gmp', 'closed', 'closed-chat')
    const res = await web.post('/api/v1/chats/closed-chat/questions', { text: 'Is anyone there?' })
    assert.equal(res.statusCode, 409)
    assert.match(res.json().message, /closed/)
  })

  it('[Q12] personal data is masked in what the asker sees back, and an emergency gets the guidance at once', async () => {
    const web = new Client(server.app)
    const res = await web.post(ASK, {
      text: 'Can my neighbour on 07700 900123 keep an XL without a muzzle?',
    })
    assert.equal(res.json().masked, true)
    assert.doesNotMatch(res.json().publicText, /07700/)
    const urgent = await web.post(ASK, {
      text: 'a dog is attacking a child in the park right now, it will not let go',
    })
    assert.match(urgent.json().guidance ?? '', /999/)
  })

  it('[Q13][Q14] staff see masks, duplicate suggestions and can undo a mask through the API', async () => {
    const web = new Client(server.app)
    const first = await web.post(ASK, { text: 'Can I walk my exempt XL off the lead in the park?' })
    const second = await web.post(ASK, {
      text: 'Is it legal to let an exempt XL off its lead in a park? Call 07700 900777',
    })
    const host = await new Client(server.app).signIn('admin@gmp.test')
    const queue = (await host.get('/api/v1/chats/dogs-chat/questions?state=pending')).json()
      .questions as Array<{
      id: string
      similar: Array<{ id: string }>
      masks: Array<{ start: number; end: number }>
      version: number
    }>
    const q = queue.find((x) => x.id === second.json().id)
    assert.ok(q?.similar.some((s) => s.id === first.json().id))
    const [mask] = q?.masks ?? []
    assert.ok(mask && q)
    const res = await host.post(`/api/v1/chats/dogs-chat/questions/${q.id}/moderation`, {
      type: 'unmask',
      start: mask.start,
      end: mask.end,
      version: q.version,
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.match(res.json().question.publicText, /07700 900777/)
  })

  it('[C6] a partial change to a chat keeps every field it does not name', async () => {
    const host = await new Client(server.app).signIn('admin@gmp.test')
    const before = (await host.get('/api/v1/chats/dogs-chat/plan')).json()
    const res = await host.patch('/api/v1/chats/dogs-chat', {
      title: 'Dangerous dogs: your questions',
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().title, 'Dangerous dogs: your questions')
    assert.equal(res.json().description, before.description)
    assert.equal(res.json().theme, before.theme)
  })
})
