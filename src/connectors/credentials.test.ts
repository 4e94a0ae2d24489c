import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { keyringFrom } from './credentials.ts'

describe('Credential sealing', () => {
  const keyring = keyringFrom(randomBytes(32).toString('base64'))
  const secret = JSON.stringify({
    identifier: 'askgmp.bsky.social',
    appPassword: 'abcd-efgh-ijkl-mnop',
  })

  it('[N2] seals with AES-256-GCM and opens again, with a fresh nonce each time', () => {
    const a = keyring.seal(secret, 'org1:bluesky')
    const b = keyring.seal(secret, 'org1:bluesky')
    assert.notEqual(a, b)
    assert.ok(!a.includes('abcd'))
    assert.equal(keyring.open(a, 'org1:bluesky'), secret)
  })

  it('[N2] refuses another row, another key, or a changed byte', () => {
    const sealed = keyring.seal(secret, 'org1:bluesky')
    assert.throws(() => keyring.open(sealed, 'org2:bluesky'))
    assert.throws(() =>
      keyringFrom('another passphrase of at least 32 chars!').open(sealed, 'org1:bluesky'),
    )
    const parts = sealed.split('.')
    const body = Buffer.from(parts[3] as string, 'base64url')
    body[0] = (body[0] ?? 0) ^ 1
    parts[3] = body.toString('base64url')
    assert.throws(() => keyring.open(parts.join('.'), 'org1:bluesky'))
  })

  it('[N2] refuses a short key', () => {
    assert.throws(() => keyringFrom('too short'))
  })
})
