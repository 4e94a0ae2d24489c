import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { testDeps, testServer } from '../../../test/harness.ts'
import { Client } from '../../../test/http.ts'
import { csrfOf, postForm } from '../../../test/web.ts'
import { issueSetupLink } from '../../app/accounts.ts'
import type { Deps } from '../../app/deps.ts'
import type { Server } from '../../http/server.ts'

const PASSWORD = 'correct horse battery'

describe('setup and invitation forms (without JavaScript)', () => {
  let deps: Deps
  let server: Server
  before(async () => {
    deps = await testDeps()
    server = await testServer(deps)
  })
  after(() => server.shutdown())

  it('[U1] the setup form checks what the API checks, names each field at fault, and creates nothing until all are right', async () => {
    const link = await issueSetupLink(deps)
    const token = new URL(link ?? '').searchParams.get('token') ?? ''
    const c = new Client(server.app)
    const bad = await postForm(c, '/setup', {
      token,
      orgName: 'x'.repeat(121),
      orgSlug: 'Greater Mallow',
      name: '   ',
      email: 'not an address',
      password: 'short',
    })
    assert.equal(bad.statusCode, 400)
    for (const message of [
      'Enter the name of your organisation (up to 120 characters)',
      'Use 2–63 lowercase letters, digits and hyphens',
      'Enter your name (up to 120 characters)',
      'Enter an email address like name@example.org',
      'Use 12 to 200 characters',
    ]) {
      assert.ok(bad.body.includes(message), message)
    }
    assert.match(bad.body, /value="Greater Mallow"/, 'what was typed is kept')
    const summary = bad.body.slice(bad.body.indexOf('error-summary'), bad.body.indexOf('</ul>'))
    const linked = [...summary.matchAll(/href="#([\w-]+)"/g)].map((m) => m[1])
    assert.deepEqual(linked, ['orgName', 'orgSlug', 'name', 'email', 'password'], 'in page order')
    assert.equal(await deps.store.read.users.count(), 0)

    const ok = await postForm(c, '/setup', {
      token,
      orgName: 'Greater Mallow Police',
      orgSlug: 'gmp',
      name: 'Alex Admin',
      email: 'Alex@GMP.test',
      password: PASSWORD,
    })
    assert.equal(ok.statusCode, 303, ok.body)
    assert.equal(ok.headers.location, '/staff/o/gmp/settings')
    assert.ok(await deps.store.read.users.findByEmail('alex@gmp.test'), 'email kept in lower case')
  })

  it('[U2] an invitation form refuses an over-long name; a member’s role cannot be set to something unknown', async () => {
    const admin = new Client(server.app)
    await postForm(admin, '/staff/sign-in', {
      email: 'alex@gmp.test',
      password: PASSWORD,
      next: '/staff',
    })
    const csrf = csrfOf((await admin.get('/staff/o/gmp/settings')).body)
    await postForm(admin, '/staff/o/gmp/invite', {
      _csrf: csrf,
      email: 'sam@gmp.test',
      role: 'expert',
    })
    const settings = (await admin.get('/staff/o/gmp/settings')).body
    const token = /invite\?token=([\w-]+)/.exec(settings)?.[1] ?? ''
    const guest = new Client(server.app)
    const long = await postForm(guest, '/invite', {
      token,
      name: 'S'.repeat(121),
      password: PASSWORD,
    })
    assert.equal(long.statusCode, 400)
    assert.ok(long.body.includes('Enter your name (up to 120 characters)'))
    const joined = await postForm(guest, '/invite', {
      token,
      name: 'Sam Patel',
      password: PASSWORD,
    })
    assert.equal(joined.statusCode, 303, joined.body)

    const sam = await deps.store.read.users.findByEmail('sam@gmp.test')
    assert.ok(sam)
    const changed = await postForm(admin, `/staff/o/gmp/members/${sam.id}`, {
      _csrf: csrf,
      role: 'superuser',
    })
    assert.equal(changed.statusCode, 303)
    const after = (await admin.get(changed.headers.location as string)).body
    assert.match(after, /Choose a role/)
    const roles = await deps.store.read.users.roles(sam.id)
    assert.deepEqual([...roles.values()], ['expert'], 'role unchanged')
  })
})
