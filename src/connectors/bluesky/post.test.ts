import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { decodeFrame, frameItems } from './firehose.ts'
import { decodeJetstream } from './jetstream.ts'
import { postToQuestion } from './post.ts'

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/connectors')
// Two frames recorded from the reference PDS: a post created with #askGMP, then deleted.
const [created, deleted] = readFileSync(join(FIXTURES, 'bluesky-firehose.b64'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => Buffer.from(l, 'base64'))
const jetstream = readFileSync(join(FIXTURES, 'jetstream-events.jsonl'), 'utf8').trim().split('\n')

describe('Bluesky posts → questions (recorded frames)', () => {
  it('[N1] decodes a firehose commit and takes the post tagged with the hashtag', async () => {
    const frame = await decodeFrame(created as Buffer)
    assert.equal(typeof frame.seq, 'number')
    const items = await frameItems(frame, 'askgmp', async () => 'alice.test')
    assert.equal(items.length, 1)
    const item = items[0]
    assert.ok(item?.type === 'post')
    assert.equal(item.post.text, 'Can my XL Bully be exempt if I got him in 2023? #askGMP')
    assert.equal(item.post.authorHandle, '@alice.test')
    assert.equal(item.post.postedAt, '2026-12-01T18:04:11.000Z')
    assert.match(item.post.externalId, /^at:\/\/did:plc:\w+\/app\.bsky\.feed\.post\/\w+$/)
    assert.deepEqual(item.post.ref.root, { uri: item.post.externalId, cid: item.post.ref.cid })
  })

  it('[N1] ignores a post whose tags are different', async () => {
    assert.deepEqual(
      await frameItems(await decodeFrame(created as Buffer), 'askmet', async () => null),
      [],
    )
  })

  it('[N4] decodes a deletion', async () => {
    const first = await frameItems(await decodeFrame(created as Buffer), 'askgmp', async () => null)
    const items = await frameItems(await decodeFrame(deleted as Buffer), 'askgmp', async () => null)
    assert.deepEqual(items, [
      { type: 'deleted', externalId: first[0]?.type === 'post' ? first[0].post.externalId : '' },
    ])
  })

  it('[N1] reads Jetstream events: creations, replies (threaded to their root), deletions', () => {
    const [a, b, c, d] = jetstream.map(decodeJetstream)
    const q = postToQuestion(a?.created[0] as never, 'askgmp', null)
    assert.equal(q?.text, 'Do I need insurance for an exempted dog? #askGMP')
    assert.equal(q?.authorHandle, 'did:plc:eygmaihciaxprqvxpfvl6flk')
    const reply = postToQuestion(b?.created[0] as never, 'askgmp', 'alice.bsky.social')
    assert.deepEqual(reply?.ref.root, {
      uri: 'at://did:plc:abc/app.bsky.feed.post/3l3root',
      cid: 'bafyreiroot',
    })
    assert.deepEqual(c?.deleted, [
      'at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo2b',
    ])
    assert.equal(d?.created.length, 0)
    assert.equal(d?.cursor, 1796148254000000)
  })

  it('[N1] takes a tag from the record tags too, in any case', () => {
    const seen = { did: 'did:plc:x', rkey: 'r', cid: 'c', seenAt: '2026-12-01T18:00:00.000Z' }
    assert.ok(
      postToQuestion({ ...seen, record: { text: 'hi there', tags: ['AskGMP'] } }, 'askgmp', null),
    )
    assert.equal(postToQuestion({ ...seen, record: { text: 'hi #askGMP' } }, 'askgmp', null), null)
  })
})
