import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import pino from 'pino'
import { chat, member, organisation } from '../../../test/factories.ts'
import { testDeps } from '../../../test/harness.ts'
import { Client } from '../../../test/http.ts'
import type { ConnectorServices } from '../../app/connectors.ts'
import type { Deps } from '../../app/deps.ts'
import { keyringFrom } from '../../connectors/credentials.ts'
import { invalid } from '../../domain/errors.ts'
import { createMetrics } from '../metrics.ts'
import { memoryRateLimiter } from '../rate-limit.ts'
import { buildServer, type Server } from '../server.ts'

const APP_PASSWORD = 'abcd-efgh-ijkl-mnop'

/** Pretends to ask Bluesky: accepts one app password. */
const services = (): ConnectorServices => {
  const keyring = keyringFrom('route-test-key-route-test-key-route!')
  return {
    seal: (p, c) => keyring.seal(p, c),
    async verify(network, credentials) {
      const c = credentials as { appPassword?: string }
      if (c.appPassword !== APP_PASSWORD)
        throw invalid('credentials_rejected', `${network} said no.`)
      return { userId: 'did:plc:gmp', handle: '@askgmp.test' }
    },
  }
}

async function server(deps: Deps, connectors?: ConnectorServices): Promise<Server> {
  return buildServer(deps, {
    metrics: createMetrics(),
    trustProxy: false,
    hub: { heartbeatMs: 60_000, maxBufferBytes: 256 * 1024, pollMs: 60_000 },
    connectors,
    limits: {
      limiter: memoryRateLimiter(),
      secret: 'test-secret-test-secret-test-secret',
      windowMs: 60_000,
      questionsPerVisitor: 100,
      questionsPerIp: 100,
      questionsPerChat: 100,
      reactionsPerVisitor: 100,
    },
  })
}

describe('Connector routes', () => {
  let deps: Deps
  let app: Server
  let logged = ''
  before(async () => {
    deps = await testDeps()
    const sink = new Writable({
      write(chunk, _enc, cb) {
        logged += chunk
        cb()
      },
    })
    deps = { ...deps, log: pino({ level: 'trace' }, sink) }
    const { org, admin } = await organisation(deps, 'gmp')
    await member(deps, org.id, 'host', 'host@gmp.test')
    await chat(deps, admin, 'gmp', 'live')
    app = await server(deps, services())
  })
  after(async () => {
    await app?.shutdown()
    await deps?.store.close()
  })

  it('[N2] credentials are write-only: never returned, never logged, sealed at rest', async () => {
    const admin = await new Client(app.app).signIn('admin@gmp.test')
    const res = await admin.put('/api/v1/orgs/gmp/connectors/bluesky', {
      credentials: { identifier: 'askgmp.test', appPassword: APP_PASSWORD },
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(Object.keys(res.json().account).sort(), ['connectedAt', 'handle', 'network'])
    const list = await admin.get('/api/v1/orgs/gmp/connectors')
    assert.equal(list.json().accounts[0].handle, '@askgmp.test')
    for (const body of [res.body, list.body, logged]) assert.ok(!body.includes(APP_PASSWORD))
    const org = await deps.store.read.organisations.findBySlug('gmp')
    const row = await deps.store.read.connectors.findAccount(org?.id ?? '', 'bluesky')
    assert.ok(row && !row.secret.includes(APP_PASSWORD))
  })

  it('[N2] bad credentials are refused without being echoed', async () => {
    const admin = await new Client(app.app).signIn('admin@gmp.test')
    const res = await admin.put('/api/v1/orgs/gmp/connectors/bluesky', {
      credentials: { identifier: 'askgmp.test', appPassword: 'wrong-secret-value' },
    })
    assert.equal(res.statusCode, 400)
    assert.ok(!res.body.includes('wrong-secret-value'))
  })

  it('[N2] only admins connect accounts; hosts switch networks and see their state', async () => {
    const host = await new Client(app.app).signIn('host@gmp.test')
    const denied = await host.put('/api/v1/orgs/gmp/connectors/bluesky', {
      credentials: { appPassword: APP_PASSWORD },
    })
    assert.equal(denied.statusCode, 404)
    const on = await host.put('/api/v1/chats/dogs-chat/connectors/bluesky', { enabled: true })
    assert.equal(on.statusCode, 200, on.body)
    const off = await host.put('/api/v1/chats/dogs-chat/connectors/x', { enabled: true })
    assert.equal(off.statusCode, 409)
    assert.equal(off.json().error, 'network_not_connected')
    const states = await host.get('/api/v1/chats/dogs-chat/connectors')
    const bluesky = states.json().networks.find((n: { network: string }) => n.network === 'bluesky')
    assert.equal(bluesky.enabled, true)
    assert.equal(bluesky.state, 'connecting')
    assert.deepEqual(bluesky.account, { handle: '@askgmp.test' })
  })

  it('[N2] without CONNECTOR_KEY, connecting answers 503', async () => {
    const bare = await server(deps)
    const admin = await new Client(bare.app).signIn('admin@gmp.test')
    const res = await admin.put('/api/v1/orgs/gmp/connectors/mastodon', {
      credentials: { instanceUrl: 'https://m.example', accessToken: 'x' },
    })
    assert.equal(res.statusCode, 503)
    await bare.shutdown()
  })
})
