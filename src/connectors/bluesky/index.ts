import { AtpAgent, RichText } from '@atproto/api'
import { z } from 'zod'
import { retryAfterMs } from '../backoff.ts'
import {
  type Connector,
  type ConnectorDeps,
  type ConnectorModule,
  type IngestContext,
  type PostRef,
  RateLimited,
  type Reach,
  type StreamItem,
} from '../connector.ts'
import { readSocket } from '../socket.ts'
import { countGraphemes } from '../thread.ts'
import { decodeFrame, frameItems } from './firehose.ts'
import { handleResolver } from './identity.ts'
import { decodeJetstream, jetstreamUrl } from './jetstream.ts'
import { postUrl } from './post.ts'

const Credentials = z.object({
  /** The account's PDS; bsky.social for most accounts. */
  service: z.url().default('https://bsky.social'),
  identifier: z.string().trim().min(1).max(253),
  /** An app password (Settings → Privacy and security → App passwords), never the main one. */
  appPassword: z.string().min(1).max(200),
})
export type BlueskyCredentials = z.infer<typeof Credentials>

interface StrongRef {
  uri: string
  cid: string
}

const wsUrl = (http: string) => http.replace(/^http/, 'ws')

/** Maps an XRPC 429 to `RateLimited` (Bluesky sends `ratelimit-reset` in epoch seconds). */
function rateLimited(err: unknown): unknown {
  const e = err as { status?: number; headers?: Record<string, string> }
  if (e?.status !== 429) return err
  const h = e.headers ?? {}
  const reset = Number(h['ratelimit-reset'])
  const wait = Number.isFinite(reset) ? reset * 1000 - Date.now() : null
  return new RateLimited(Math.max(1000, wait ?? retryAfterMs({ get: (n) => h[n] }) ?? 60_000))
}

async function signIn(c: BlueskyCredentials): Promise<AtpAgent> {
  const agent = new AtpAgent({ service: c.service })
  await agent.login({ identifier: c.identifier, password: c.appPassword }).catch((err) => {
    throw rateLimited(err)
  })
  return agent
}

function create(deps: ConnectorDeps<BlueskyCredentials>): Connector {
  const settings = deps.settings.bluesky
  const handleOf = handleResolver(settings.plcUrl)
  const self = deps.identity?.userId
  let agent: Promise<AtpAgent> | null = null
  const session = () => {
    agent ??= signIn(deps.credentials).catch((err) => {
      agent = null
      throw err
    })
    return agent
  }

  const items = async (frame: Parameters<typeof frameItems>[0], tag: string) =>
    (await frameItems(frame, tag, handleOf)).filter(
      (i: StreamItem) => i.type !== 'post' || i.post.authorId !== self,
    )

  async function ingest(ctx: IngestContext): Promise<void> {
    if (settings.stream === 'jetstream') {
      return readSocket(wsUrl(jetstreamUrl(settings.streamUrl, ctx.cursor)), {
        signal: ctx.signal,
        onOpen: () => ctx.alive(),
        onMessage: async (data) => {
          const m = decodeJetstream(data.toString('utf8'))
          const found = await items(m, ctx.hashtag)
          await ctx.emit(found, m.cursor === null ? null : String(m.cursor), m.time ?? undefined)
        },
      })
    }
    const url = new URL('/xrpc/com.atproto.sync.subscribeRepos', wsUrl(settings.streamUrl))
    if (ctx.cursor) url.searchParams.set('cursor', ctx.cursor)
    return readSocket(url.toString(), {
      signal: ctx.signal,
      onOpen: () => ctx.alive(),
      onMessage: async (data) => {
        const frame = await decodeFrame(data)
        if (frame.error) throw new Error(`firehose: ${frame.error.error} ${frame.error.message}`)
        const found = await items(frame, ctx.hashtag)
        await ctx.emit(
          found,
          frame.seq === null ? null : String(frame.seq),
          frame.time ?? undefined,
        )
      },
    })
  }

  async function reply(text: string, parent: PostRef, root: PostRef) {
    const a = await session()
    const rt = new RichText({ text })
    rt.detectFacetsWithoutResolution()
    const strong = (r: PostRef): StrongRef => ({ uri: String(r.uri), cid: String(r.cid) })
    const res = await a
      .post({
        text: rt.text,
        facets: rt.facets,
        reply: { root: strong(root), parent: strong(parent) },
        createdAt: new Date().toISOString(),
      })
      .catch((err) => {
        throw rateLimited(err)
      })
    const [did = '', , rkey = ''] = res.uri.replace('at://', '').split('/')
    return {
      externalId: res.uri,
      url: postUrl(did, rkey),
      ref: { uri: res.uri, cid: res.cid, root: strong(root) },
    }
  }

  async function reach(posts: Array<{ externalId: string }>): Promise<Map<string, Reach>> {
    const out = new Map<string, Reach>()
    for (let i = 0; i < posts.length; i += 25) {
      const url = new URL('/xrpc/app.bsky.feed.getPosts', settings.appViewUrl)
      for (const p of posts.slice(i, i + 25)) url.searchParams.append('uris', p.externalId)
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) })
      if (res.status === 429) throw new RateLimited(retryAfterMs(res.headers) ?? 60_000)
      if (!res.ok) throw new Error(`getPosts answered ${res.status}`)
      const body = (await res.json()) as { posts?: Array<Record<string, unknown>> }
      for (const p of body.posts ?? []) {
        out.set(String(p.uri), {
          reposts: Number(p.repostCount ?? 0) + Number(p.quoteCount ?? 0),
          likes: Number(p.likeCount ?? 0),
          replies: Number(p.replyCount ?? 0),
        })
      }
    }
    return out
  }

  return {
    network: 'bluesky',
    maxLength: 300,
    measure: countGraphemes,
    ingest,
    reply,
    reach,
    async close() {
      agent = null
    },
  }
}

/** Bluesky (AT Protocol): reads Jetstream or a firehose, replies through the account's PDS. */
export const bluesky: ConnectorModule<BlueskyCredentials> = {
  id: 'bluesky',
  configSchema: Credentials,
  create,
  async verify(credentials) {
    const agent = await signIn(credentials)
    const s = agent.session
    if (!s) throw new Error('Bluesky gave no session')
    return { userId: s.did, handle: `@${s.handle}` }
  },
}
