import type { IncomingPost } from '../connector.ts'

/** The fields of an X API v2 tweet Askhour reads (recent search with its expansions). */
export interface TweetLike {
  id: string
  text: string
  author_id?: string
  created_at?: string
  entities?: { hashtags?: ReadonlyArray<{ tag: string }> }
  referenced_tweets?: ReadonlyArray<{ type: string; id: string }>
}

export const tweetUrl = (username: string, id: string) => `https://x.com/${username}/status/${id}`

/**
 * [N1] A tweet tagged with the chat's hashtag becomes an incoming question; retweets and other
 * tags are null. `usernames` comes from the response's `includes.users`.
 */
export function tweetToQuestion(
  tweet: TweetLike,
  tag: string,
  usernames: ReadonlyMap<string, string>,
  seenAt: string,
): IncomingPost | null {
  if (tweet.referenced_tweets?.some((r) => r.type === 'retweeted')) return null
  if (!(tweet.entities?.hashtags ?? []).some((h) => h.tag.toLowerCase() === tag)) return null
  const authorId = tweet.author_id ?? ''
  const username = usernames.get(authorId) ?? 'i'
  return {
    source: 'x',
    externalId: tweet.id,
    externalUrl: tweetUrl(username, tweet.id),
    authorHandle: usernames.has(authorId) ? `@${username}` : `x:${authorId}`,
    authorId,
    text: tweet.text,
    postedAt: tweet.created_at ? new Date(tweet.created_at).toISOString() : seenAt,
    ref: { id: tweet.id },
  }
}

/** X ids are decimal snowflakes; compares them without losing digits. */
export function newerTweetId(a: string | null | undefined, b: string | null | undefined) {
  if (!a) return b ?? null
  if (!b) return a
  if (a.length !== b.length) return a.length > b.length ? a : b
  return a > b ? a : b
}
