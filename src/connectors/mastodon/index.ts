import { createRestAPIClient, createStreamingAPIClient, type mastodon as M } from 'masto'
import { z } from 'zod'
import { backoffDelay, retryAfterMs, sleep } from '../backoff.ts'
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
import { countMastodon } from '../thread.ts'
import { fullAcct, newerId, type StatusLike, statusToQuestion } from './status.ts'

const Credentials = z.object({
  /** The instance the organisation's account lives on, e.g. https://mastodon.social */
  instanceUrl: z.url().transform((u) => u.replace(/\/$/, '')),
  /** An access token with the scopes read and write:statuses (Preferences → Development). */
  accessToken: z.string().min(1).max(500),
  /** More instances whose public hashtag timeline is read too (polled, no account needed). */
  listenInstances: z
    .array(z.url().transform((u) => u.replace(/\/$/, '')))
    .max(10)
    .default([]),
})
export type MastodonCredentials = z.infer<typeof Credentials>

/** Maps masto's 429 (its cause is the HTTP response) to `RateLimited`. */
function rateLimited(err: unknown): unknown {
  const e = err as { statusCode?: number; cause?: { headers?: Headers } }
  if (e?.statusCode !== 429) return err
  return new RateLimited(retryAfterMs(e.cause?.headers ?? new Headers()) ?? 60_000)
}

const call = async <T>(p: PromiseLike<T>): Promise<T> => {
  try {
    return await p
  } catch (err) {
    throw rateLimited(err)
  }
}

function create(deps: ConnectorDeps<MastodonCredentials>): Connector {
  const { instanceUrl, accessToken, listenInstances } = deps.credentials
  const pollMs = deps.settings.mastodon.pollMs
  const rest = createRestAPIClient({ url: instanceUrl, accessToken, timeout: 15_000 })
  const readers = new Map<string, M.rest.Client>([[instanceUrl, rest]])
  for (const url of listenInstances) readers.set(url, createRestAPIClient({ url, timeout: 15_000 }))
  // Deletion events name the instance-local id; remember which URI it was.
  const uriOf = new Map<string, string>()

  async function ingest(ctx: IngestContext): Promise<void> {
    const cursors: Record<string, string> = ctx.cursor ? JSON.parse(ctx.cursor) : {}
    let serial = Promise.resolve()
    // One emit at a time, so a stored cursor never runs ahead of the posts saved for it.
    const emit = (instance: string, items: StreamItem[], id: string | null) => {
      const run = serial.then(async () => {
        const next = newerId(cursors[instance], id)
        const cursor = JSON.stringify(next ? { ...cursors, [instance]: next } : cursors)
        await ctx.emit(items, cursor)
        if (next) cursors[instance] = next
      })
      serial = run.catch(() => {})
      return run
    }
    const take = (instance: string, status: StatusLike): StreamItem[] => {
      try {
        const post = statusToQuestion(status, ctx.hashtag, instance)
        if (!post || post.authorId === deps.identity?.userId) return []
        uriOf.set(`${instance} ${status.id}`, status.uri)
        return [{ type: 'post', post }]
      } catch {
        deps.log.warn({ instance }, 'malformed status skipped')
        return []
      }
    }
    const catchUp = async (instance: string) => {
      const client = readers.get(instance) as M.rest.Client
      for (let page = 0; page < 25; page++) {
        const minId = cursors[instance]
        const list = await call(
          client.v1.timelines.tag
            .$select(ctx.hashtag)
            .list({ limit: 40, ...(minId ? { minId } : {}) }),
        )
        const statuses = [...list].sort((a, b) => (newerId(a.id, b.id) === a.id ? 1 : -1))
        const newest = statuses.reduce<string | null>((m, s) => newerId(m, s.id), null)
        await emit(
          instance,
          statuses.flatMap((s) => take(instance, s)),
          newest,
        )
        ctx.alive()
        if (statuses.length < 40 || !minId) return
      }
    }
    // [N1][N5] The timeline is the gap-free path: its cursor (min_id) only moves over pages read
    // in full, so a restart or a dropped stream loses nothing. The stream only makes it quick.
    const inner = new AbortController()
    const stop = () => inner.abort()
    ctx.signal.addEventListener('abort', stop, { once: true })
    const poll = async (instance: string) => {
      while (!inner.signal.aborted) {
        await catchUp(instance)
        await sleep(pollMs, inner.signal)
      }
    }
    const streamLoop = async () => {
      let attempt = 0
      while (!inner.signal.aborted) {
        try {
          await stream(
            { ...ctx, signal: inner.signal },
            (items) => emit(instanceUrl, items, null),
            take,
          )
          attempt = 0
        } catch (err) {
          if (inner.signal.aborted) return
          deps.log.warn(
            { instance: instanceUrl, reason: (err as Error).message },
            'streaming failed',
          )
        }
        await sleep(backoffDelay(attempt++, { baseMs: pollMs, maxMs: 300_000 }), inner.signal)
      }
    }
    const streaming = streamLoop()
    try {
      await Promise.all([poll(instanceUrl), ...listenInstances.map((i) => poll(i))])
    } finally {
      inner.abort()
      ctx.signal.removeEventListener('abort', stop)
      await streaming
    }
  }

  async function stream(
    ctx: IngestContext,
    emit: (items: StreamItem[], id: string | null) => Promise<void>,
    take: (instance: string, s: StatusLike) => StreamItem[],
  ): Promise<void> {
    const info = await call(rest.v2.instance.fetch())
    const streaming = createStreamingAPIClient({
      streamingApiUrl: info.configuration.urls.streaming,
      accessToken,
      retry: false,
    })
    const stop = () => streaming.close()
    ctx.signal.addEventListener('abort', stop, { once: true })
    const beat = setInterval(() => ctx.alive(), 10_000)
    try {
      const sub = streaming.hashtag.subscribe({ tag: ctx.hashtag })
      ctx.alive()
      for await (const e of sub) {
        if (ctx.signal.aborted) return
        if (e.event === 'update') await emit(take(instanceUrl, e.payload), e.payload.id)
        if (e.event === 'delete') {
          const uri = uriOf.get(`${instanceUrl} ${e.payload}`)
          if (uri) await emit([{ type: 'deleted', externalId: uri }], null)
        }
        ctx.alive()
      }
      if (!ctx.signal.aborted) throw new Error('the stream ended')
    } finally {
      clearInterval(beat)
      ctx.signal.removeEventListener('abort', stop)
      streaming.close()
    }
  }

  /** The id of a status on the organisation's own instance (replies must name a local id). */
  async function localId(ref: PostRef): Promise<string> {
    if (ref.instance === instanceUrl) return String(ref.id)
    const found = await call(
      rest.v2.search.list({ q: String(ref.uri), resolve: true, type: 'statuses', limit: 1 }),
    )
    const status = found.statuses[0]
    if (!status) throw new Error('the original post could not be found from our instance')
    return status.id
  }

  async function reply(text: string, parent: PostRef) {
    const inReplyToId = await localId(parent)
    const s = await call(
      rest.v1.statuses.create({ status: text, inReplyToId, visibility: 'public' }),
    )
    return {
      externalId: s.uri,
      url: s.url ?? s.uri,
      ref: { instance: instanceUrl, id: s.id, uri: s.uri },
    }
  }

  async function reach(posts: Array<{ externalId: string; ref: PostRef }>) {
    const out = new Map<string, Reach>()
    for (const p of posts) {
      const s = await call(rest.v1.statuses.$select(String(p.ref.id)).fetch())
      out.set(p.externalId, {
        reposts: s.reblogsCount,
        likes: s.favouritesCount,
        replies: s.repliesCount,
      })
    }
    return out
  }

  /** [N4] Which ingested statuses are gone (404/410): for deletions the stream did not carry. */
  async function gone(posts: Array<{ externalId: string; ref: PostRef }>) {
    const out: string[] = []
    for (const p of posts.slice(0, 50)) {
      const client = readers.get(String(p.ref.instance)) ?? rest
      try {
        await call(client.v1.statuses.$select(String(p.ref.id)).fetch())
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode
        if (status === 404 || status === 410) out.push(p.externalId)
        else throw err
      }
    }
    return out
  }

  return {
    network: 'mastodon',
    maxLength: 500,
    measure: countMastodon,
    ingest,
    reply: (text, parent) => reply(text, parent),
    reach,
    gone,
    close: async () => {},
  }
}

/** Mastodon (any instance): hashtag streaming with a timeline fallback; replies from the account. */
export const mastodon: ConnectorModule<MastodonCredentials> = {
  id: 'mastodon',
  configSchema: Credentials,
  create,
  async verify(c) {
    const rest = createRestAPIClient({
      url: c.instanceUrl,
      accessToken: c.accessToken,
      timeout: 15_000,
    })
    const me = await call(rest.v1.accounts.verifyCredentials())
    const acct = fullAcct(me.acct, c.instanceUrl)
    return { userId: acct, handle: `@${acct}` }
  },
}
