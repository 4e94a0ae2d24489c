import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Chat, Organisation } from '../../domain/types.ts'
import { publicityKit } from './publicity.ts'

const org = {
  name: 'Greater Mallow Police',
  timeZone: 'Europe/London',
  emergencyGuidance: 'In an emergency call 999.',
} as Organisation
const chat = {
  title: 'Ask the dangerous dogs team',
  theme: 'XL Bully exemptions and muzzles',
  hashtag: '#AskGMPdogs',
  description: '',
  startsAt: '2026-12-01T18:00:00.000Z',
  endsAt: '2026-12-01T20:00:00.000Z',
} as Chat

describe('publicity kit', () => {
  const kit = publicityKit(org, chat, 'https://askhour.example/chats/dogs', ['PC Sam Patel'])
  it('has an announcement per network and the three reminders', () => {
    assert.deepEqual(
      kit.map((k) => k.id),
      ['bluesky', 'mastodon', 'x', 'email', 'week', 'day', 'now'],
    )
  })
  it('carries the hashtag, the link and the local time in every text, within each network limit', () => {
    for (const k of kit) {
      assert.match(k.text, /#AskGMPdogs/, k.id)
      assert.match(k.text, /https:\/\/askhour\.example\/chats\/dogs/, k.id)
      if (k.limit) assert.ok([...k.text].length <= k.limit, `${k.id} is ${k.text.length} long`)
    }
    assert.match(kit[0]?.text ?? '', /18:00/)
  })
})
