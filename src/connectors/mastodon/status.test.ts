import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { htmlToText, newerId, type StatusLike, statusToQuestion } from './status.ts'

const camel = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(camel)
  if (!v || typeof v !== 'object') return v
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()),
      camel(x),
    ]),
  )
}
// A Status in the documented API format, as masto.js hands it over (camelCased).
const status = camel(
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../../../test/fixtures/connectors/mastodon-status.json'),
      'utf8',
    ),
  ),
) as StatusLike

describe('Mastodon statuses → questions (recorded format)', () => {
  it('[N1] a public status tagged with the hashtag becomes a question, as plain text', () => {
    const q = statusToQuestion(status, 'askgmp', 'https://mastodon.example')
    assert.equal(
      q?.text,
      'Does the XL Bully ban cover cross-breeds? Asking for my neighbour & her dog.\nThanks! #askGMP',
    )
    assert.equal(q?.authorHandle, '@alice@mastodon.example')
    assert.equal(q?.externalId, 'https://mastodon.example/users/alice/statuses/113448016539185010')
    assert.equal(q?.externalUrl, 'https://mastodon.example/@alice/113448016539185010')
    assert.equal(q?.postedAt, '2026-12-01T18:04:11.000Z')
    assert.deepEqual(q?.ref, {
      instance: 'https://mastodon.example',
      id: '113448016539185010',
      uri: 'https://mastodon.example/users/alice/statuses/113448016539185010',
    })
  })

  it('[N1] boosts, private statuses and other tags are not questions', () => {
    assert.equal(
      statusToQuestion({ ...status, reblog: status }, 'askgmp', 'https://m.example'),
      null,
    )
    assert.equal(
      statusToQuestion({ ...status, visibility: 'private' }, 'askgmp', 'https://m.example'),
      null,
    )
    assert.equal(statusToQuestion(status, 'askmet', 'https://m.example'), null)
  })

  it('[N1] a remote account keeps its own host, the same URI on every instance', () => {
    const remote = { ...status, account: { acct: 'bob@other.example' } }
    assert.equal(
      statusToQuestion(remote, 'askgmp', 'https://m.example')?.authorHandle,
      '@bob@other.example',
    )
  })

  it('decodes HTML entities and line breaks', () => {
    assert.equal(htmlToText('<p>a &lt;b&gt; &#39;c&#x27;</p><p>d<br>e</p>'), "a <b> 'c'\n\nd\ne")
  })

  it('[N5] compares ids as numbers', () => {
    assert.equal(newerId('99', '100'), '100')
    assert.equal(newerId('113448016539185010', '113448016539185009'), '113448016539185010')
    assert.equal(newerId(null, '5'), '5')
  })
})
