import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type Actor, can } from './permissions.ts'

const actor = (roles: Record<string, 'admin' | 'host' | 'expert'>): Actor => ({
  userId: 'u',
  name: 'U',
  roles: new Map(Object.entries(roles)),
})

describe('permissions', () => {
  it('[P1] roles grant actions only within their own organisation', () => {
    const host = actor({ a: 'host' })
    assert.equal(can(host, 'question.moderate', 'a'), true)
    assert.equal(can(host, 'question.moderate', 'b'), false)
    assert.equal(can(host, 'member.manage', 'a'), false)
    const expert = actor({ a: 'expert' })
    assert.equal(can(expert, 'answer.write', 'a'), true)
    assert.equal(can(expert, 'question.moderate', 'a'), false)
    assert.equal(can(expert, 'chat.plan', 'a'), false)
    assert.equal(can(actor({ a: 'admin' }), 'member.manage', 'a'), true)
  })
})
