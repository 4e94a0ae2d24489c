import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { chat, organisation } from '../../test/factories.ts'
import { testDeps, testServer } from '../../test/harness.ts'
import { Client } from '../../test/http.ts'
import { loadConfig } from '../config.ts'
import { createLogger } from '../main.ts'
import type { Server } from './server.ts'

describe('operating the server', () => {
  let server: Server
  const lines: string[] = []
  before(async () => {
    const deps = await testDeps()
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString())
        done()
      },
    })
    // The production logger, writing into memory so the test can read every line.
    deps.log = createLogger('info', sink)
    server = await testServer(deps)
    const { admin } = await organisation(deps)
    await chat(deps, admin, 'gmp', 'live')
  })
  after(() => server.shutdown())

  it('[O2] /healthz, /readyz and /metrics answer', async () => {
    const web = new Client(server.app)
    assert.equal((await web.get('/healthz')).statusCode, 200)
    assert.equal((await web.get('/readyz')).json().status, 'ready')
    await web.post('/api/v1/chats/dogs-chat/questions', { text: 'Is a muzzle needed at the vet?' })
    const metrics = (await web.get('/metrics')).body
    assert.match(
      metrics,
      /askhour_http_requests_total\{method="POST",route="\/api\/v1\/chats\/:chat\/questions",status="201"\} 1/,
    )
    assert.match(metrics, /askhour_events_appended_total \d+/)
    assert.match(metrics, /askhour_questions\{chat="dogs-chat",state="pending"\} 1/)
  })

  it('[O3] logs never contain question text, cookies, passwords or tokens', async () => {
    const web = new Client(server.app)
    await web.post('/api/v1/chats/dogs-chat/questions', {
      text: 'SECRET-QUESTION-TEXT my number is 07700 900321',
    })
    await web.post('/api/v1/session', { email: 'admin@gmp.test', password: 'SECRET-PASSWORD-123' })
    await web.signIn('admin@gmp.test')
    await web.get('/api/v1/session')
    await web.get('/setup?token=SECRET-SETUP-TOKEN')
    const all = lines.join('\n')
    assert.ok(lines.length > 3, 'requests were logged')
    for (const secret of [
      'SECRET-QUESTION-TEXT',
      '07700',
      'SECRET-PASSWORD',
      'askhour_session=',
      web.csrf ?? 'none',
    ]) {
      assert.ok(!all.includes(secret), `log must not contain ${secret}`)
    }
  })

  it('[O4] configuration lists every problem at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', SESSION_SECRET: 'short', LOG_LEVEL: 'loud' }),
      (err: Error) =>
        /PORT/.test(err.message) &&
        /SESSION_SECRET/.test(err.message) &&
        /LOG_LEVEL/.test(err.message),
    )
    assert.equal(loadConfig({}).publicUrl, 'http://localhost:3000')
  })
})
