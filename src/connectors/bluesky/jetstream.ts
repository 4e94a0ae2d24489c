import { POST_COLLECTION, postUri, type SeenPost } from './post.ts'

/** One Jetstream message (JSON), as documented by bluesky-social/jetstream. */
export interface JetstreamEvent {
  did?: string
  time_us?: number
  kind?: string
  commit?: {
    operation?: string
    collection?: string
    rkey?: string
    cid?: string
    record?: unknown
  }
}

/** What one Jetstream message says about posts; `cursor` is its `time_us`. */
export function decodeJetstream(raw: string): {
  cursor: number | null
  time: string | null
  created: SeenPost[]
  deleted: string[]
} {
  const msg = JSON.parse(raw) as JetstreamEvent
  const cursor = typeof msg.time_us === 'number' ? msg.time_us : null
  const time = cursor === null ? null : new Date(Math.floor(cursor / 1000)).toISOString()
  const out = { cursor, time, created: [] as SeenPost[], deleted: [] as string[] }
  const c = msg.commit
  if (msg.kind !== 'commit' || !c || c.collection !== POST_COLLECTION || !msg.did || !c.rkey) {
    return out
  }
  if (c.operation === 'delete') out.deleted.push(postUri(msg.did, c.rkey))
  if (c.operation === 'create' && c.cid && c.record && typeof c.record === 'object') {
    out.created.push({
      did: msg.did,
      rkey: c.rkey,
      cid: c.cid,
      record: c.record,
      seenAt: time ?? new Date().toISOString(),
    })
  }
  return out
}

/** Jetstream's subscribe URL for posts, from a cursor a few seconds back (its documented advice). */
export function jetstreamUrl(base: string, cursor: string | null): string {
  const url = new URL('/subscribe', base)
  url.searchParams.set('wantedCollections', POST_COLLECTION)
  if (cursor) url.searchParams.set('cursor', String(Math.max(0, Number(cursor) - 5_000_000)))
  return url.toString()
}
