import type { IncomingPost } from '../connector.ts'

/** A post record as it comes off the firehose (CBOR-decoded) or Jetstream (JSON). */
export interface PostRecord {
  text?: unknown
  createdAt?: unknown
  facets?: unknown
  tags?: unknown
  reply?: { root?: { uri?: unknown; cid?: unknown } }
}

/** One created post, with where it lives. */
export interface SeenPost {
  did: string
  rkey: string
  cid: string
  record: PostRecord
  /** When the network saw it (the stream's time), used if the record's own time is missing. */
  seenAt: string
}

export const POST_COLLECTION = 'app.bsky.feed.post'

export const postUri = (did: string, rkey: string) => `at://${did}/${POST_COLLECTION}/${rkey}`
export const postUrl = (did: string, rkey: string) => `https://bsky.app/profile/${did}/post/${rkey}`

/** The hashtags of a post: its tag facets and its extra `tags`, lower-cased, without `#`. */
export function tagsOf(record: PostRecord): string[] {
  const tags: string[] = []
  if (Array.isArray(record.facets)) {
    for (const facet of record.facets) {
      const features = (facet as { features?: unknown })?.features
      if (!Array.isArray(features)) continue
      for (const f of features) {
        const feature = f as { $type?: unknown; tag?: unknown }
        if (feature.$type === 'app.bsky.richtext.facet#tag' && typeof feature.tag === 'string') {
          tags.push(feature.tag.replace(/^#/, '').toLowerCase())
        }
      }
    }
  }
  if (Array.isArray(record.tags)) {
    for (const t of record.tags) if (typeof t === 'string') tags.push(t.toLowerCase())
  }
  return tags
}

/**
 * [N1] A Bluesky post that carries the chat's hashtag (as a tag facet or an extra tag) becomes an
 * incoming question; anything else is null. Pure: the author's handle is passed in.
 */
export function postToQuestion(
  seen: SeenPost,
  tag: string,
  handle: string | null,
): IncomingPost | null {
  const { record } = seen
  if (typeof record.text !== 'string' || !tagsOf(record).includes(tag)) return null
  const uri = postUri(seen.did, seen.rkey)
  const root = record.reply?.root
  const rootRef =
    typeof root?.uri === 'string' && typeof root.cid === 'string'
      ? { uri: root.uri, cid: root.cid }
      : { uri, cid: seen.cid }
  const created = typeof record.createdAt === 'string' ? Date.parse(record.createdAt) : Number.NaN
  return {
    source: 'bluesky',
    externalId: uri,
    externalUrl: postUrl(seen.did, seen.rkey),
    authorHandle: handle ? `@${handle}` : seen.did,
    authorId: seen.did,
    text: record.text,
    postedAt: Number.isFinite(created) ? new Date(created).toISOString() : seen.seenAt,
    ref: { uri, cid: seen.cid, root: rootRef },
  }
}
