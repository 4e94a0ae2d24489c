import assert from 'node:assert/strict'
import { once } from 'node:events'
import type { ServerResponse } from 'node:http'
import { connect } from 'node:net'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { chat, organisation } from '../../../test/factories.ts'
import { testDeps, testServer } from '../../../test/harness.ts'
import { answerQuestion, editAnswer } from '../../app/answers.ts'
import type { Deps } from '../../app/deps.ts'
import { moderate } from '../../app/moderation.ts'
import { askQuestion } from '../../app/questions.ts'
import { upvote } from '../../app/reactions.ts'
import type { Actor } from '../../domain/permissions.ts'
import type { Chat } from '../../domain/types.ts'
import type { Server } from '../server.ts'
import { FeedHub } from './hub.ts'

/** A raw TCP viewer, so the test controls exactly when (or whether) it reads. */
function rawViewer(port: number, path: string, version = '1.1') {
  const socket = connect(port, '127.0.0.1')
  socket.write(
    `GET ${path} HTTP/${version}\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`,
  )
  let text = ''
  socket.on('data', (b: Buffer) => {
    text += b.toString()
  })
  return { socket, received: () => text }
}

/** A viewer's response stream that either reads everything or never reads at all. */
class Viewer extends Writable {
  text = ''
  constructor(private readonly reads: boolean) {
    super({ highWaterMark: 16 * 1024 })
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    if (!this.reads) return
    this.text += chunk.toString()
    done()
  }
  writeHead() {
    return this
  }
  asResponse() {
    return this as unknown as ServerResponse
  }
}

describe('live feed hub', () => {
  let deps: Deps
  let server: Server
  let port: number
  let host: Actor
  let live: Chat
  before(async () => {
    deps = await testDeps()
    server = await testServer(deps, {}, { heartbeatMs: 20, maxBufferBytes: 64 * 1024 })
    await server.app.listen({ host: '127.0.0.1', port: 0 })
    const addr = server.app.server.address()
    port = typeof addr === 'object' && addr ? addr.port : 0
    const o = await organisation(deps, 'gmp')
    host = o.admin
    live = await chat(deps, host, 'gmp', 'live')
  })
  after(() => server.shutdown())

  it('[E5] heartbeats keep an idle stream open', async () => {
    const v = rawViewer(port, '/api/v1/chats/dogs-chat/events')
    while (!v.received().includes(': heartbeat')) await once(v.socket, 'data')
    assert.match(v.received(), /^HTTP\/1\.1 200/)
    assert.match(v.received(), /content-type: text\/event-stream/i)
    v.socket.destroy()
  })

  it('[E6] a viewer that stops reading is dropped once its buffer passes the cap; others keep receiving', async () => {
    const hub = new FeedHub(deps, {
      heartbeatMs: 60_000,
      maxBufferBytes: 64 * 1024,
      pollMs: 60_000,
    })
    hub.start()
    const slow = new Viewer(false)
    const healthy = new Viewer(true)
    await hub.attach(live.id, 'public', slow.asResponse(), null)
    await hub.attach(live.id, 'public', healthy.asResponse(), null)

    const { question } = await askQuestion(
      deps,
      live,
      { text: 'Does the muzzle rule apply in my car?' },
      { visitorKey: 'v1' },
    )
    await moderate(deps, host, 'dogs-chat', question.id, { type: 'approve' })
    const answer = await answerQuestion(deps, host, 'dogs-chat', question.id, {
      kind: 'answer',
      body: 'Yes.',
      publish: true,
    })
    const long = 'A long correction. '.repeat(250)
    for (let i = 0; i < 40; i++) {
      await editAnswer(deps, host, answer.id, { kind: 'answer', body: `${long}${i}` })
      await hub.settled(live.id)
    }
    assert.equal(slow.destroyed, true)
    assert.ok(
      slow.writableLength < 64 * 1024 + 40 * 5000,
      'the slow viewer held at most the cap plus one round',
    )
    assert.equal(hub.viewers().get(live.id), 1, 'only the healthy viewer remains')
    assert.match(healthy.text, new RegExp(`${long}39`))
    hub.close(1000)
  })

  it('[R9] public viewers are counted apart from staff streams, for the report', async () => {
    const hub = new FeedHub(deps, {
      heartbeatMs: 60_000,
      maxBufferBytes: 64 * 1024,
      pollMs: 60_000,
    })
    hub.start()
    await hub.attach(live.id, 'public', new Viewer(true).asResponse(), null)
    await hub.attach(live.id, 'public', new Viewer(true).asResponse(), null)
    await hub.attach(live.id, 'staff', new Viewer(true).asResponse(), null)
    assert.equal(hub.viewers().get(live.id), 3)
    assert.equal(hub.publicViewers().get(live.id), 2)
    hub.close(1000)
  })

  it('[E6] a viewer that leaves before its stream is set up is not kept', async () => {
    const hub = new FeedHub(deps, {
      heartbeatMs: 60_000,
      maxBufferBytes: 64 * 1024,
      pollMs: 60_000,
    })
    hub.start()
    const gone = new Viewer(true)
    gone.destroy()
    await hub.attach(live.id, 'public', gone.asResponse(), null)
    assert.equal(hub.viewers().get(live.id) ?? 0, 0)
    hub.close(1000)
  })

  it('[E9] a frame for thousands of viewers goes out in slices: the server gets turns in between, and every viewer still gets every frame once, in order', async () => {
    const hub = new FeedHub(deps, {
      heartbeatMs: 60_000,
      maxBufferBytes: 1024 * 1024,
      pollMs: 60_000,
      countsIntervalMs: 5,
    })
    hub.start()
    const early = Array.from({ length: 2000 }, () => new Viewer(true))
    for (const v of early) await hub.attach(live.id, 'public', v.asResponse(), null)

    const ask = (text: string, visitorKey: string) =>
      askQuestion(deps, live, { text }, { visitorKey }).then((r) => r.question)
    const first = await ask('Is a muzzle needed in the back of a car?', 'e9-a')
    await moderate(deps, host, 'dogs-chat', first.id, { type: 'approve' })
    const firstId = (await deps.store.read.events.lastSeq(live.id)).toString()
    const has = (v: Viewer) => v.text.includes(`id: ${firstId}\n`)
    while (!has(early[0] as Viewer)) await new Promise(setImmediate)
    assert.equal(
      has(early.at(-1) as Viewer),
      false,
      'the last viewer is written to in a later turn',
    )

    // More frames, votes and late joiners while rounds are still going out.
    const late: Viewer[] = []
    for (let i = 0; i < 5; i++) {
      const q = await ask(`Does the rule cover puppies born in ${2020 + i}?`, `e9-${i}`)
      await moderate(deps, host, 'dogs-chat', q.id, { type: 'approve' })
      await upvote(deps, q.id, `e9-voter-${i}`)
      const v = new Viewer(true)
      late.push(v)
      await hub.attach(live.id, 'public', v.asResponse(), null)
    }
    await hub.settled(live.id)
    const ids = (v: Viewer) => [...v.text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))
    const expected = ids(early[0] as Viewer).filter((id) => id >= Number(firstId))
    assert.ok(expected.length >= 6, 'the first viewer saw the six approvals')
    for (const v of [...early, ...late]) {
      const got = ids(v)
      assert.deepEqual(
        got,
        [...got].sort((a, b) => a - b),
        'ids only increase',
      )
      assert.equal(new Set(got).size, got.length, 'no frame twice')
    }
    for (const v of early) assert.deepEqual(ids(v), ids(early[0] as Viewer))
    hub.close(1000)
  })

  it('[E10] frames reach an HTTP/1.1 viewer as well-formed chunks, and an HTTP/1.0 viewer unchunked', async () => {
    const path = '/api/v1/chats/dogs-chat/events'
    const v11 = rawViewer(port, path)
    const v10 = rawViewer(port, path, '1.0')
    await Promise.all([once(v11.socket, 'data'), once(v10.socket, 'data')])
    // Not ASCII: a chunk's size counts bytes, not characters.
    const text = 'Is a basket muzzle enough on a bus — or in a café? 🐕'
    const { question } = await askQuestion(deps, live, { text }, { visitorKey: 'e10' })
    await moderate(deps, host, 'dogs-chat', question.id, { type: 'approve' })
    await server.hub.settled(live.id)
    while (!v11.received().includes(text)) await once(v11.socket, 'data')
    while (!v10.received().includes(text)) await once(v10.socket, 'data')

    /** Decodes a chunked body, failing on any chunk whose size line does not match its data. */
    const dechunk = (raw: string) => {
      const bytes = Buffer.from(raw.slice(raw.indexOf('\r\n\r\n') + 4))
      let out = ''
      let at = 0
      for (;;) {
        const eol = bytes.indexOf('\r\n', at)
        // A heartbeat may still be arriving: decode whole chunks only.
        if (eol < 0) break
        const size = Number.parseInt(bytes.subarray(at, eol).toString(), 16)
        if (eol + 4 + size > bytes.length) break
        assert.ok(Number.isInteger(size), `a chunk size line at byte ${at}`)
        const data = bytes.subarray(eol + 2, eol + 2 + size)
        assert.equal(data.length, size, 'a whole chunk')
        assert.equal(bytes.subarray(eol + 2 + size, eol + 4 + size).toString(), '\r\n')
        out += data.toString()
        at = eol + 4 + size
      }
      return out
    }
    const frames = (body: string) =>
      body.split('\n\n').filter((f) => f.includes('question.approved') && f.includes(text))
    assert.match(v11.received(), /transfer-encoding: chunked/i)
    assert.doesNotMatch(v10.received(), /transfer-encoding/i)
    const approved = frames(dechunk(v11.received()))
    assert.equal(approved.length, 1)
    assert.deepEqual(frames(v10.received().slice(v10.received().indexOf('\r\n\r\n') + 4)), approved)
    v11.socket.destroy()
    v10.socket.destroy()
  })

  it('[E10] a frame costs each chunked viewer one socket write, holding the whole chunk', async () => {
    const hub = new FeedHub(deps, {
      heartbeatMs: 60_000,
      maxBufferBytes: 64 * 1024,
      pollMs: 60_000,
    })
    hub.start()
    /** A chunked HTTP/1.1 response whose socket records every write it is given. */
    const chunkedViewer = () => {
      const v = new Viewer(true)
      const writes: Buffer[] = []
      Object.assign(v, {
        chunkedEncoding: true,
        socket: { write: (b: Buffer) => writes.push(Buffer.from(b)) },
      })
      return { res: v.asResponse(), writes }
    }
    const viewers = [chunkedViewer(), chunkedViewer(), chunkedViewer()]
    for (const v of viewers) await hub.attach(live.id, 'public', v.res, null)
    const before = viewers.map((v) => v.writes.length)
    const text = 'One write each: does a lead count as control in a park?'
    const { question } = await askQuestion(deps, live, { text }, { visitorKey: 'e10-writes' })
    await moderate(deps, host, 'dogs-chat', question.id, { type: 'approve' })
    await hub.settled(live.id)
    for (const [i, v] of viewers.entries()) {
      const fresh = v.writes.slice(before[i])
      assert.equal(fresh.length, 1, `viewer ${i} got the frame in one write`)
      const chunk = (fresh[0] as Buffer).toString()
      const size = Number.parseInt(chunk.slice(0, chunk.indexOf('\r\n')), 16)
      const data = Buffer.from(chunk.slice(chunk.indexOf('\r\n') + 2, -2))
      assert.equal(data.length, size, 'the size line matches the data')
      assert.ok(chunk.endsWith('\r\n') && data.toString().includes(text))
    }
    hub.close(1000)
  })

  it('[E7] on shutdown viewers are told when to retry', async () => {
    const v = rawViewer(port, '/api/v1/chats/dogs-chat/events')
    await once(v.socket, 'data')
    server.hub.close(1234)
    while (!v.received().includes('retry: 1234')) await once(v.socket, 'data')
    v.socket.destroy()
  })
})
