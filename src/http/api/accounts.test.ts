import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chat, member, organisation, PASSWORD } from '../../../test/factories.ts'
import { manualClock, testDeps, testServer } from '../../../test/harness.ts'
import { Client } from '../../../test/http.ts'
import { issueSetupLink } from '../../app/accounts.ts'
import type { Deps } from '../../app/deps.ts'
import type { Server } from '../server.ts'

describe('staff accounts over HTTP', () => {
  const clock = manualClock()
  let deps: Deps
  let server: Server
  before(async () => {
    deps = await testDeps(clock)
    server = await testServer(deps)
  })
  after(() => server.shutdown())

  it('[U1] the one-time setup link creates the first admin, once, and there is no default account', async () => {
    const web = new Client(server.app)
    assert.equal(
      (await web.post('/api/v1/session', { email: 'admin@askhour.test', password: 'admin' }))
        .statusCode,
      401,
    )
    const link = await issueSetupLink(deps)
    assert.ok(link)
    const token = new URL(link).searchParams.get('token')
    const body = {
      token,
      email: 'Chief@GMP.test',
      name: 'Chief',
      password: PASSWORD,
      organisation: { name: 'GMP', slug: 'gmp', timeZone: 'Europe/London' },
    }
    const res = await web.post('/api/v1/setup', body)
    assert.equal(res.statusCode, 201, res.body)
    const again = await new Client(server.app).post('/api/v1/setup', {
      ...body,
      email: 'other@gmp.test',
      organisation: { ...body.organisation, slug: 'gmp2' },
    })
    assert.equal(again.statusCode, 403)
    assert.equal(await issueSetupLink(deps), null, 'no new setup link once an admin exists')
    const user = await deps.store.read.users.findByEmail('chief@gmp.test')
    assert.match(user?.passwordHash ?? '', /^\$argon2id\$/)
  })

  it('[U3] sessions are HttpOnly SameSite cookies; a wrong password gets the same answer as a wrong email', async () => {
    const web = new Client(server.app)
    const wrongPw = await web.post('/api/v1/session', {
      email: 'chief@gmp.test',
      password: 'nope-nope-nope',
    })
    const wrongEmail = await web.post('/api/v1/session', {
      email: 'nobody@gmp.test',
      password: 'nope-nope-nope',
    })
    assert.equal(wrongPw.statusCode, 401)
    assert.deepEqual(wrongPw.json(), wrongEmail.json())
    const ok = await web.post('/api/v1/session', { email: 'chief@gmp.test', password: PASSWORD })
    const cookie = ok.cookies.find((c) => c.name === 'askhour_session')
    assert.equal(cookie?.httpOnly, true)
    assert.equal(cookie?.sameSite, 'Lax')
  })

  it('[U4] signing out invalidates the session on the server, not just in the browser', async () => {
    const web = await new Client(server.app).signIn('chief@gmp.test')
    const me = await web.get('/api/v1/session')
    assert.equal(me.statusCode, 200)
    // Keep a copy of the cookie as an attacker would, then sign out.
    const stolen = new Client(server.app)
    Object.assign(stolen, {
      cookies: new Map((web as unknown as { cookies: Map<string, string> }).cookies),
    })
    assert.equal((await web.delete('/api/v1/session')).statusCode, 204)
    assert.equal((await stolen.get('/api/v1/session')).statusCode, 401)
  })

  it('[U7] every state-changing staff request needs the CSRF token and a same-site origin', async () => {
    const web = await new Client(server.app).signIn('chief@gmp.test')
    const token = web.csrf
    web.csrf = null
    const noToken = await web.post('/api/v1/orgs/gmp/invites', {
      email: 'x@gmp.test',
      role: 'host',
    })
    assert.equal(noToken.statusCode, 403)
    assert.equal(noToken.json().error, 'csrf')
    web.csrf = token
    const crossSite = await web.post(
      '/api/v1/orgs/gmp/invites',
      { email: 'x@gmp.test', role: 'host' },
      { origin: 'https://evil.example' },
    )
    assert.equal(crossSite.statusCode, 403)
    assert.equal(crossSite.json().error, 'cross_origin')
    for (const origin of ['null', 'not a url', 'http://askhour.test.evil.example']) {
      const refused = await web.post(
        '/api/v1/orgs/gmp/invites',
        { email: 'x@gmp.test', role: 'host' },
        { origin },
      )
      assert.equal(refused.statusCode, 403, origin)
    }
    const publicOrigin = await web.post(
      '/api/v1/orgs/gmp/invites',
      { email: 'z@gmp.test', role: 'host' },
      { origin: 'http://askhour.test' },
    )
    assert.equal(publicOrigin.statusCode, 201)
    const ok = await web.post('/api/v1/orgs/gmp/invites', { email: 'x@gmp.test', role: 'host' })
    assert.equal(ok.statusCode, 201)
    assert.match(ok.json().inviteUrl, /\/invite\?token=/)
  })

  it('[P2] a host of organisation A can neither see nor change anything of organisation B (reads answer 404)', async () => {
    const a = await organisation(deps, 'gmp')
    const b = await organisation(deps, 'met', 'admin@met.test')
    await member(deps, a.org.id, 'host', 'host@gmp.test')
    await chat(deps, b.admin, 'met', 'draft', 'met-fraud')
    const web = await new Client(server.app).signIn('host@gmp.test')
    for (const url of [
      '/api/v1/chats/met-fraud/plan',
      '/api/v1/chats/met-fraud/questions',
      '/api/v1/orgs/met/members',
      '/api/v1/orgs/met/chats',
      '/api/v1/chats/met-fraud/log',
    ]) {
      const res = await web.get(url)
      assert.equal(res.statusCode, 404, url)
    }
    assert.equal(
      (await web.patch('/api/v1/chats/met-fraud', { title: 'Hijacked' })).statusCode,
      404,
    )
    assert.equal((await web.post('/api/v1/chats/met-fraud/schedule')).statusCode, 404)
    assert.equal((await deps.store.read.chats.findBySlug('met-fraud'))?.title, 'Dangerous dogs law')
    // The public cannot see B's draft either.
    assert.equal((await new Client(server.app).get('/api/v1/chats/met-fraud')).statusCode, 404)
  })

  it('[P1] an expert cannot moderate and a host cannot manage members', async () => {
    const gmp = await deps.store.read.organisations.findBySlug('gmp')
    assert.ok(gmp)
    await member(deps, gmp.id, 'expert', 'pc.patel@gmp.test')
    const expert = await new Client(server.app).signIn('pc.patel@gmp.test')
    const plan = {
      slug: 'new-chat',
      title: 'Fireworks',
      theme: 'Bonfire night',
      hashtag: '#askGMP',
      opensAt: '2026-12-01T00:00:00Z',
      startsAt: '2026-12-02T18:00:00Z',
      endsAt: '2026-12-02T20:00:00Z',
    }
    assert.equal((await expert.post('/api/v1/orgs/gmp/chats', plan)).statusCode, 404)
    const host = await new Client(server.app).signIn('host@gmp.test')
    assert.equal(
      (await host.post('/api/v1/orgs/gmp/invites', { email: 'y@gmp.test', role: 'admin' }))
        .statusCode,
      404,
    )
  })

  it('[U8] guessing passwords is throttled per account, with Retry-After', async () => {
    clock.advance(61_000) // a fresh rate-limit window, whatever the tests above spent
    const codes: number[] = []
    for (let i = 0; i < 11; i++) {
      const res = await new Client(server.app).post('/api/v1/session', {
        email: 'chief@gmp.test',
        password: `guess-${i}`,
      })
      codes.push(res.statusCode)
      if (res.statusCode === 429) assert.ok(Number(res.headers['retry-after']) >= 1)
    }
    assert.deepEqual(codes.slice(-2), [401, 429])
    assert.equal(codes.filter((c) => c === 401).length, 10)
  })
})
