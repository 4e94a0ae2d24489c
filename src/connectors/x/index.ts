import {
  ApiResponseError,
  type Tweetv2SearchParams,
  TwitterApi,
  type TwitterApiTokens,
  type TwitterApiv2,
} from 'twitter-api-v2'
import { z } from 'zod'
import { retryAfterMs, sleep } from '../backoff.ts'
import {
  type Connector,
  type ConnectorDeps,
  type ConnectorModule,
  type ConnectorSettings,
  type IngestContext,
  type PostRef,
  RateLimited,
  type Reach,
  type StreamItem,
} from '../connector.ts'
import { countX } from '../thread.ts'
import { newerTweetId, type TweetLike, tweetToQuestion, tweetUrl } from './tweet.ts'

const Credentials = z.object({
  /** The app's API key and secret (developer portal → Keys and tokens). */
  appKey: z.string().min(1).max(200),
  appSecret: z.string().min(1).max(200),
  /** The organisation account's access token and secret, with read and write permission. */
  accessToken: z.string().min(1).max(200),
  accessSecret: z.string().min(1).max(200),
  /** The app's bearer token: recent search then uses the app's own rate limit. */
  bearerToken: z.string().min(1).max(500).optional(),
})
export type XCredentials = z.infer<typeof Credentials>

/** Maps an X 429 to `RateLimited`, using `x-rate-limit-reset` (epoch seconds) or Retry-After. */
function rateLimited(err: unknown): unknown {
  if (!(err instanceof ApiResponseError) || err.code !== 429) return err
  const h = err.headers ?? {}
  const wait = retryAfterMs({ get: (n) => h[n] as string | undefined })
  return new RateLimited(wait ?? 15 * 60_000)
}

const call = async <T>(p: Promise<T>): Promise<T> => {
  try {
    return await p
  } catch (err) {
    throw rateLimited(err)
  }
}

/** A v2 client, pointed at a test server when the settings say so. */
function v2(token: string | TwitterApiTokens, s: ConnectorSettings['x']) {
  const options = s.agent ? { httpAgent: s.agent } : {}
  const api =
    typeof token === 'string' ? new TwitterApi(token, options) : new TwitterApi(token, options)
  const client = api.v2
  // The library hard-codes https://api.x.com/2/; tests serve the same API on loopback.
  if (s.apiRoot) (client as unknown as { setPrefix(p: string): void }).setPrefix(`${s.apiRoot}/2/`)
  return client
}

const userClient = (c: XCredentials, s: ConnectorSettings['x']) =>
  v2(
    {
      appKey: c.appKey,
      appSecret: c.appSecret,
      accessToken: c.accessToken,
      accessSecret: c.accessSecret,
    },
    s,
  )

const FIELDS: Partial<Tweetv2SearchParams> = {
  'tweet.fields': ['created_at', 'author_id', 'entities', 'referenced_tweets'],
  expansions: ['author_id'],
  'user.fields': ['username'],
}

function create(deps: ConnectorDeps<XCredentials>): Connector {
  const settings = deps.settings.x
  const user: TwitterApiv2 = userClient(deps.credentials, settings)
  const reader = deps.credentials.bearerToken ? v2(deps.credentials.bearerToken, settings) : user
  const self = deps.identity

  /** [N1][N5] One round of recent search since the cursor, every page, oldest first. */
  async function round(ctx: IngestContext, since: string | null): Promise<string | null> {
    const query = `#${ctx.hashtag} -is:retweet`
    const page = await call(
      reader.search(query, { ...FIELDS, max_results: 100, ...(since ? { since_id: since } : {}) }),
    )
    // The cursor moves only once every page since it is read, so a failure mid-way loses nothing.
    for (let pages = 1; !page.done && pages < 10; pages++) await call(page.fetchNext())
    const tweets = page.tweets as TweetLike[]
    const names = new Map((page.includes.users ?? []).map((u) => [u.id, u.username]))
    const now = new Date().toISOString()
    const items: StreamItem[] = []
    let newest = since
    for (const t of [...tweets].reverse()) {
      newest = newerTweetId(newest, t.id)
      try {
        const post = tweetToQuestion(t, ctx.hashtag, names, now)
        if (post && post.authorId !== self?.userId) items.push({ type: 'post', post })
      } catch {
        deps.log.warn('malformed tweet skipped')
      }
    }
    await ctx.emit(items, newest, now)
    return newest
  }

  async function ingest(ctx: IngestContext): Promise<void> {
    let since = ctx.cursor
    while (!ctx.signal.aborted) {
      since = await round(ctx, since)
      ctx.alive()
      await sleep(settings.pollMs, ctx.signal)
    }
  }

  async function reply(text: string, parent: PostRef) {
    const res = await call(user.reply(text, String(parent.id)))
    const username = self?.handle.replace(/^@/, '') ?? 'i'
    return {
      externalId: res.data.id,
      url: tweetUrl(username, res.data.id),
      ref: { id: res.data.id },
    }
  }

  async function lookup(ids: string[], fields: Record<string, string[]> = {}) {
    const out = []
    for (let i = 0; i < ids.length; i += 100) {
      out.push(await call(reader.tweets(ids.slice(i, i + 100), fields)))
    }
    return out
  }

  async function reach(posts: Array<{ externalId: string }>) {
    const out = new Map<string, Reach>()
    for (const res of await lookup(
      posts.map((p) => p.externalId),
      { 'tweet.fields': ['public_metrics'] },
    )) {
      for (const t of res.data ?? []) {
        const m = t.public_metrics
        if (!m) continue
        out.set(t.id, {
          reposts: m.retweet_count + m.quote_count,
          likes: m.like_count,
          replies: m.reply_count,
        })
      }
    }
    return out
  }

  /** [N4] Recent search does not report deletions: ask which ingested tweets are gone. */
  async function gone(posts: Array<{ externalId: string }>) {
    const out: string[] = []
    for (const res of await lookup(posts.map((p) => p.externalId))) {
      for (const e of res.errors ?? []) {
        const err = e as { resource_id?: string; title?: string; type?: string }
        if (
          err.resource_id &&
          (err.title === 'Not Found Error' || err.type?.endsWith('resource-not-found'))
        ) {
          out.push(err.resource_id)
        }
      }
    }
    return out
  }

  return {
    network: 'x',
    maxLength: 280,
    measure: countX,
    ingest,
    reply: (text, parent) => reply(text, parent),
    reach,
    gone,
    close: async () => {},
  }
}

/** X (API v2): recent search polled since the last id; replies as the organisation's account. */
export const x: ConnectorModule<XCredentials> = {
  id: 'x',
  configSchema: Credentials,
  create,
  async verify(c, settings) {
    const me = await call(userClient(c, settings.x).me())
    return { userId: me.data.id, handle: `@${me.data.username}` }
  },
}
