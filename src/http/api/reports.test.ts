import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chat, organisation } from '../../../test/factories.ts'
import { testServer } from '../../../test/harness.ts'
import { Client } from '../../../test/http.ts'
import { reportScenario } from '../../../test/report-scenario.ts'
import { chatReport } from '../../app/reports.ts'
import type { Server } from '../server.ts'

describe('Report routes', () => {
  let s: Awaited<ReturnType<typeof reportScenario>>
  let server: Server
  let staff: Client
  let stranger: Client

  before(async () => {
    s = await reportScenario()
    const other = await organisation(s.deps, 'wmp', 'admin@wmp.test')
    await chat(s.deps, other.admin, 'wmp', 'live', 'wmp-live')
    server = await testServer(s.deps)
    staff = await new Client(server.app).signIn('admin@gmp.test')
    stranger = await new Client(server.app).signIn('admin@wmp.test')
  })
  after(() => server.shutdown())

  it('[R8] gives staff of the organisation the report and every export', async () => {
    const json = await staff.get('/api/v1/chats/dogs-chat/report')
    assert.equal(json.statusCode, 200)
    assert.equal(json.json().questions.received, 10)
    const types = {
      html: 'text/html',
      pdf: 'application/pdf',
      csv: 'text/csv',
      json: 'application/json',
      md: 'text/markdown',
    }
    for (const [format, type] of Object.entries(types)) {
      const res = await staff.get(`/api/v1/chats/dogs-chat/report.${format}`)
      assert.equal(res.statusCode, 200, format)
      assert.ok(String(res.headers['content-type']).startsWith(type), format)
      assert.match(
        String(res.headers['content-disposition']),
        new RegExp(`dogs-chat-\\w+(-\\w+)?\\.${format}"$`),
      )
    }
    assert.equal((await staff.get('/api/v1/chats/dogs-chat/report.docx')).statusCode, 400)
  })

  it('[R8] answers 404 to staff of another organisation, for the report and its exports', async () => {
    assert.equal((await stranger.get('/api/v1/chats/dogs-chat/report')).statusCode, 404)
    assert.equal((await stranger.get('/api/v1/chats/dogs-chat/report.csv')).statusCode, 404)
    assert.equal((await stranger.get('/api/v1/chats/no-such-chat/report')).statusCode, 404)
    const other = await organisation(s.deps, 'wmp')
    await assert.rejects(chatReport(s.deps, other.admin, 'dogs-chat'), { kind: 'not_found' })
  })

  it('[R8] refuses the report to visitors who are not signed in', async () => {
    const res = await new Client(server.app).get('/api/v1/chats/dogs-chat/report')
    assert.ok([401, 404].includes(res.statusCode), String(res.statusCode))
  })

  it('[R7] serves the transparency summary of a closed chat to anyone, and 404 for other chats', async () => {
    const visitor = new Client(server.app)
    const res = await visitor.get('/api/v1/chats/dogs-chat/transparency')
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().received, 10)
    assert.equal((await visitor.get('/api/v1/chats/wmp-live/transparency')).statusCode, 404)
  })
})
