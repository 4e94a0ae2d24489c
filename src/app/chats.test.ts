import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { chat, member, organisation } from '../../test/factories.ts'
import { testDeps } from '../../test/harness.ts'
import { getPublicChat, setExperts } from './chats.ts'

describe('planning chats', () => {
  it('[C7][C9] a new chat is a draft the public cannot see until it is scheduled', async () => {
    const deps = await testDeps()
    const { admin } = await organisation(deps)
    const draft = await chat(deps, admin, 'gmp', 'draft')
    assert.equal(draft.state, 'draft')
    await assert.rejects(getPublicChat(deps, draft.slug), /not found/)
    const log = await deps.store.read.events.after(draft.id, 0, 'public')
    assert.deepEqual(log, [], 'nothing about a draft reaches the public stream')
  })

  it('[C8] experts of a chat must be members of its organisation', async () => {
    const deps = await testDeps()
    const a = await organisation(deps, 'gmp')
    const b = await organisation(deps, 'met')
    const expert = await member(deps, a.org.id, 'expert', 'expert@gmp.test')
    const outsider = await member(deps, b.org.id, 'expert', 'expert@met.test')
    const c = await chat(deps, a.admin, 'gmp', 'draft')
    assert.deepEqual((await setExperts(deps, a.admin, c.slug, [expert.userId])).experts, [
      expert.userId,
    ])
    await assert.rejects(
      setExperts(deps, a.admin, c.slug, [outsider.userId]),
      /member of the organisation/,
    )
  })
})
