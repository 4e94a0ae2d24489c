import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { testDeps, testServer } from '../../test/harness.ts'
import { Client } from '../../test/http.ts'
import type { Server } from './server.ts'

interface Operation {
  security: unknown[]
  parameters: Array<{ name: string; in: string }>
  requestBody?: {
    content: {
      'application/json': { schema: { properties?: Record<string, unknown>; required?: string[] } }
    }
  }
}

describe('OpenAPI document', () => {
  let server: Server
  before(async () => {
    server = await testServer(await testDeps())
  })
  after(() => server.shutdown())

  it('[H4] /api/docs documents every /api/v1 route from the schemas that validate it', async () => {
    const doc = (await new Client(server.app).get('/api/docs')).json() as {
      openapi: string
      paths: Record<string, Record<string, Operation>>
    }
    assert.equal(doc.openapi, '3.1.0')
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    )
    assert.ok(documented.size >= 25)
    for (const op of documented) {
      const [method, path] = op.split(' ') as [string, string]
      const url = path.replace(/\{(\w+)\}/g, ':$1')
      assert.ok(
        server.app.hasRoute({ method: method as 'GET', url }),
        `${op} is documented and served`,
      )
    }
    for (const path of [
      '/api/v1/chats/{chat}/questions',
      '/api/v1/questions/{id}/votes',
      '/api/v1/chats/{chat}/events',
    ]) {
      assert.ok(
        [...documented].some((d) => d.endsWith(` ${path}`)),
        path,
      )
    }
    const ask = doc.paths['/api/v1/chats/{chat}/questions']?.post
    assert.ok(ask)
    assert.deepEqual(ask.requestBody?.content['application/json'].schema.required, ['text'])
    assert.ok(ask.parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
    assert.ok(ask.parameters.some((p) => p.in === 'path' && p.name === 'chat'))
    assert.deepEqual(ask.security, [])
    const moderate = doc.paths['/api/v1/chats/{chat}/questions/{question}/moderation']?.post
    assert.ok(
      moderate && moderate.security.length > 0,
      'staff routes say they need a session and CSRF token',
    )
  })
})
