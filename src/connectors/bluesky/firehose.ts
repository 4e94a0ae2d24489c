import { decodeAll } from '@atproto/lex-cbor'
import { cborToLexRecord, readCar } from '@atproto/repo'
import type { StreamItem } from '../connector.ts'
import { POST_COLLECTION, type PostRecord, postToQuestion, postUri, type SeenPost } from './post.ts'

/** What one `com.atproto.sync.subscribeRepos` frame says, as far as a hashtag reader cares. */
export interface FirehoseFrame {
  seq: number | null
  time: string | null
  /** Created posts (record decoded) and deleted posts, in the commit's order. */
  created: SeenPost[]
  deleted: string[]
  /** An error frame (`op: -1`), e.g. FutureCursor. */
  error?: { error: string; message?: string }
}

interface RepoOp {
  action: string
  path: string
  cid: { toString(): string } | null
}

/**
 * Decodes one firehose frame: a DAG-CBOR header then a body; a `#commit` body carries its new
 * records in a CAR file. Only post creations and deletions are decoded further.
 */
export async function decodeFrame(bytes: Uint8Array): Promise<FirehoseFrame> {
  const [header, body] = [...decodeAll(bytes)] as [
    { op?: number; t?: string } | undefined,
    Record<string, unknown> | undefined,
  ]
  const frame: FirehoseFrame = { seq: null, time: null, created: [], deleted: [] }
  if (!header || !body) return frame
  if (header.op === -1) {
    frame.error = { error: String(body.error), message: String(body.message ?? '') }
    return frame
  }
  frame.seq = typeof body.seq === 'number' ? body.seq : null
  frame.time = typeof body.time === 'string' ? body.time : null
  if (header.t !== '#commit' || !Array.isArray(body.ops)) return frame
  const did = String(body.repo)
  const ops = (body.ops as RepoOp[]).filter((op) => op.path.startsWith(`${POST_COLLECTION}/`))
  if (ops.length === 0) return frame
  const wanted = ops.filter((op) => op.action === 'create' && op.cid)
  const blocks =
    wanted.length > 0 && body.blocks instanceof Uint8Array
      ? (await readCar(body.blocks)).blocks
      : null
  for (const op of ops) {
    const rkey = op.path.slice(POST_COLLECTION.length + 1)
    if (op.action === 'delete') frame.deleted.push(postUri(did, rkey))
    if (op.action !== 'create' || !op.cid || !blocks) continue
    const bytes = blocks.get(op.cid as Parameters<typeof blocks.get>[0])
    if (!bytes) continue
    const record = cborToLexRecord(bytes) as PostRecord
    frame.created.push({
      did,
      rkey,
      cid: op.cid.toString(),
      record,
      seenAt: frame.time ?? new Date().toISOString(),
    })
  }
  return frame
}

/** The items a frame holds for one hashtag (handles are looked up only for matching posts). */
export async function frameItems(
  frame: Pick<FirehoseFrame, 'created' | 'deleted'>,
  tag: string,
  handleOf: (did: string) => Promise<string | null>,
): Promise<StreamItem[]> {
  const items: StreamItem[] = []
  for (const seen of frame.created) {
    if (!postToQuestion(seen, tag, null)) continue
    const post = postToQuestion(seen, tag, await handleOf(seen.did))
    if (post) items.push({ type: 'post', post })
  }
  for (const externalId of frame.deleted) items.push({ type: 'deleted', externalId })
  return items
}
