import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { newerTweetId, type TweetLike, tweetToQuestion } from './tweet.ts'

// A recent-search response in the documented API v2 format.
const recorded = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../test/fixtures/connectors/x-search-recent.json'),
    'utf8',
  ),
) as { data: TweetLike[]; includes: { users: Array<{ id: string; username: string }> } }
const users = new Map(recorded.includes.users.map((u) => [u.id, u.username]))
const tweet = recorded.data[0] as TweetLike
const now = '2026-12-01T18:10:00.000Z'

describe('X tweets → questions (recorded format)', () => {
  it('[N1] a tweet tagged with the hashtag becomes a question', () => {
    const q = tweetToQuestion(tweet, 'askgmp', users, now)
    assert.equal(q?.text, 'Is a Certificate of Exemption needed for an XL Bully puppy? #askGMP')
    assert.equal(q?.authorHandle, '@dogowner_salford')
    assert.equal(q?.externalId, '1864012345678901250')
    assert.equal(q?.externalUrl, 'https://x.com/dogowner_salford/status/1864012345678901250')
    assert.equal(q?.postedAt, '2026-12-01T18:05:12.000Z')
  })

  it('[N1] retweets and other tags are not questions', () => {
    const rt = { ...tweet, referenced_tweets: [{ type: 'retweeted', id: '1' }] }
    assert.equal(tweetToQuestion(rt, 'askgmp', users, now), null)
    assert.equal(tweetToQuestion(tweet, 'askmet', users, now), null)
    assert.equal(
      tweetToQuestion({ id: '1', text: 'no entities #askGMP' }, 'askgmp', users, now),
      null,
    )
  })

  it('[N5] compares snowflake ids without losing digits', () => {
    assert.equal(newerTweetId('1864012345678901250', '1864012345678901251'), '1864012345678901251')
    assert.equal(newerTweetId('999', '1000'), '1000')
  })
})
