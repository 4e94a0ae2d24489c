import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { member, organisation, PASSWORD } from '../../test/factories.ts'
import { testDeps } from '../../test/harness.ts'
import { acceptInvite, inviteMember } from './accounts.ts'
import { createOrganisation, listMembers, setMemberRole } from './organisations.ts'

const tokenOf = (link: string) => new URL(link).searchParams.get('token') as string

describe('organisations and members', () => {
  it('[U2] an invitation link adds the member with its role, once', async () => {
    const deps = await testDeps()
    const { org, admin } = await organisation(deps)
    const link = await inviteMember(deps, org.id, 'host@gmp.test', 'host')
    await acceptInvite(deps, { token: tokenOf(link), name: 'Hana Host', password: PASSWORD })
    assert.deepEqual(
      (await listMembers(deps, admin, 'gmp')).map((m) => [m.email, m.role]),
      [
        ['admin@gmp.test', 'admin'],
        ['host@gmp.test', 'host'],
      ],
    )
    await assert.rejects(
      acceptInvite(deps, { token: tokenOf(link), name: 'Again', password: PASSWORD }),
      /used or has expired/,
    )
  })

  it('[U6] an organisation always keeps at least one admin', async () => {
    const deps = await testDeps()
    const { org, admin } = await organisation(deps)
    await assert.rejects(
      setMemberRole(deps, admin, 'gmp', admin.userId, 'host'),
      /at least one admin/,
    )
    const second = await member(deps, org.id, 'admin', 'second@gmp.test')
    await setMemberRole(deps, second, 'gmp', admin.userId, null)
    assert.deepEqual(
      (await listMembers(deps, second, 'gmp')).map((m) => m.email),
      ['second@gmp.test'],
    )
  })

  it('[O1] a member can found a new organisation and becomes its admin', async () => {
    const deps = await testDeps()
    const { org } = await organisation(deps)
    const host = await member(deps, org.id, 'host', 'host@gmp.test')
    const founded = await createOrganisation(deps, host, {
      name: 'Fire',
      slug: 'fire',
      timeZone: 'Europe/London',
    })
    const roles = await deps.store.read.users.roles(host.userId)
    assert.equal(roles.get(founded.id), 'admin')
    assert.equal(roles.get(org.id), 'host')
    await assert.rejects(
      createOrganisation(deps, host, { name: 'Dup', slug: 'fire', timeZone: 'Europe/London' }),
      /already taken/,
    )
  })

  it('[U6] two admins demoting each other at once still leave one admin', async () => {
    const deps = await testDeps()
    const { org, admin } = await organisation(deps)
    const second = await member(deps, org.id, 'admin', 'second@gmp.test')
    const results = await Promise.allSettled([
      setMemberRole(deps, admin, 'gmp', second.userId, 'host'),
      setMemberRole(deps, second, 'gmp', admin.userId, 'host'),
    ])
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
    const admins = (
      await listMembers(deps, admin, 'gmp').catch(() => listMembers(deps, second, 'gmp'))
    ).filter((m) => m.role === 'admin')
    assert.equal(admins.length, 1)
  })
})
