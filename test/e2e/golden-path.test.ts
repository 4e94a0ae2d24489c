import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Deps } from '../../src/app/deps.ts'
import type { Server } from '../../src/http/server.ts'
import { chat, member, organisation, PASSWORD } from '../factories.ts'
import { testDeps, testServer } from '../harness.ts'
import { listen } from '../sse.ts'

/** A staff member's HTTP session against the listening server. */
async function signIn(base: string, email: string) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  assert.equal(res.status, 200)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
  return {
    cookie,
    post: (path: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  }
}

describe('golden path over real HTTP and SSE', () => {
  let deps: Deps
  let server: Server
  let base: string
  before(async () => {
    deps = await testDeps()
    server = await testServer(deps)
    await server.app.listen({ host: '127.0.0.1', port: 0 })
    const addr = server.app.server.address()
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
    const { org, admin } = await organisation(deps, 'gmp')
    await member(deps, org.id, 'host', 'host@gmp.test')
    await member(deps, org.id, 'expert', 'expert@gmp.test', 'PC Sam Patel')
    await chat(deps, admin, 'gmp', 'live')
  })
  after(() => server.shutdown())

  it('[E3] a visitor asks, a host approves, an expert publishes: a second viewer receives both, in order, and never the private text', async () => {
    const host = await signIn(base, 'host@gmp.test')
    const expert = await signIn(base, 'expert@gmp.test')
    const feed = (await (await fetch(`${base}/api/v1/chats/dogs-chat/feed`)).json()) as {
      seq: number
    }
    const viewer = listen(`${base}/api/v1/chats/dogs-chat/events?after=${feed.seq}`)
    const staff = listen(`${base}/api/v1/chats/dogs-chat/staff-events?after=${feed.seq}`, {
      cookie: host.cookie,
    })
    await Promise.all([viewer.opened, staff.opened])

    const asked = await fetch(`${base}/api/v1/chats/dogs-chat/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'golden-0001' },
      body: JSON.stringify({
        text: 'My number is 07700 900456 - does my exempt XL need a muzzle in the car?',
      }),
    })
    assert.equal(asked.status, 201)
    const { id } = (await asked.json()) as { id: string }
    await staff.until((e) => e.some((x) => x.type === 'question.received'))

    assert.equal(
      (await host.post(`/api/v1/chats/dogs-chat/questions/${id}/moderation`, { type: 'approve' }))
        .status,
      200,
    )
    const published = await expert.post(`/api/v1/chats/dogs-chat/questions/${id}/answer`, {
      kind: 'answer',
      body: 'Yes: in any public place, and a car on a road counts.',
      publish: true,
    })
    assert.equal(published.status, 201)

    await viewer.until((e) => e.some((x) => x.type === 'answer.published'))
    assert.deepEqual(
      viewer.events.map((e) => e.type),
      ['question.approved', 'answer.published'],
    )
    const [approved, answered] = viewer.events
    assert.ok(approved && answered && approved.id < answered.id)
    const wire = JSON.stringify(viewer.events)
    assert.doesNotMatch(wire, /07700/, 'the public stream never carries the original text')
    assert.match(wire, /a car on a road counts/)
    assert.ok(
      staff.events.some(
        (e) => e.type === 'question.received' && JSON.stringify(e.data).includes('07700'),
      ),
    )
    viewer.close()
    staff.close()
  })

  it('[E4] reconnecting with Last-Event-ID replays exactly the missed public events from the database', async () => {
    const host = await signIn(base, 'host@gmp.test')
    const first = listen(`${base}/api/v1/chats/dogs-chat/events?after=0`)
    await first.until((e) => e.some((x) => x.type === 'answer.published'))
    const lastSeen = first.events.at(-1)?.id ?? 0
    first.close()

    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${base}/api/v1/chats/dogs-chat/questions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `While I was away, question ${i}?` }),
      })
      ids.push(((await r.json()) as { id: string }).id)
    }
    for (const id of ids)
      await host.post(`/api/v1/chats/dogs-chat/questions/${id}/moderation`, { type: 'approve' })

    const resumed = listen(`${base}/api/v1/chats/dogs-chat/events`, {
      'last-event-id': String(lastSeen),
    })
    await resumed.until((e) => e.filter((x) => x.type === 'question.approved').length === 5)
    const fromDb = (
      await deps.store.read.events.after(
        (await deps.store.read.chats.findBySlug('dogs-chat'))?.id ?? '',
        lastSeen,
        'public',
      )
    ).map((e) => e.seq)
    assert.deepEqual(
      resumed.events.map((e) => e.id),
      fromDb,
    )
    assert.equal(
      new Set(resumed.events.map((e) => e.id)).size,
      resumed.events.length,
      'no duplicates',
    )
    resumed.close()
  })
})
