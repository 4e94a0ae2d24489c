import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Agent, createServer, type Server } from 'node:https'
import { join } from 'node:path'

const FIXTURES = join(import.meta.dirname, '../fixtures/connectors')
const KEY = readFileSync(join(FIXTURES, 'loopback-key.pem'))
const CERT = readFileSync(join(FIXTURES, 'loopback-cert.pem'))
const RECORDED = JSON.parse(readFileSync(join(FIXTURES, 'x-search-recent.json'), 'utf8'))

type Tweet = Record<string, unknown> & {
  id: string
  text: string
  author_id: string
  entities?: { hashtags?: Array<{ tag: string }> }
  public_metrics: Record<string, number>
}

/**
 * A loopback HTTPS server speaking the X API v2 endpoints Askhour uses (recent search with
 * pagination, post, lookup), in the recorded response format; it can answer 429, send a malformed
 * body, or cut the connection.
 */
export class FakeX {
  readonly tweets: Tweet[] = []
  readonly users = new Map<string, string>([['1', 'askgmp']])
  /** An agent that trusts this server's self-signed certificate. */
  readonly agent = new Agent({ ca: CERT })
  private readonly server: Server
  private next = 1864012345678901300n
  pageSize = 100
  /** Misbehaviours for the next search requests, in order. */
  readonly faults: Array<'429' | 'malformed' | 'cut'> = []
  rateLimitResetSeconds = 1
  searches: number[] = []
  url = ''

  constructor() {
    this.server = createServer({ key: KEY, cert: CERT }, (req, res) => {
      this.handle(req, res).catch(() => res.destroy())
    })
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r))
    const addr = this.server.address()
    this.url = `https://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
    return this
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise((r) => this.server.close(r))
    this.agent.destroy()
  }

  post(username: string, text: string, extra: Partial<Tweet> = {}): Tweet {
    const id = String(this.next++)
    const userId =
      [...this.users].find(([, u]) => u === username)?.[0] ?? String(this.users.size + 100)
    this.users.set(userId, username)
    const hashtags = [...text.matchAll(/#(\w+)/g)].map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      tag: m[1] as string,
    }))
    const tweet: Tweet = {
      ...structuredClone(RECORDED.data[0]),
      id,
      text,
      author_id: userId,
      created_at: new Date().toISOString(),
      conversation_id: id,
      edit_history_tweet_ids: [id],
      entities: { hashtags },
      ...extra,
    }
    this.tweets.push(tweet)
    return tweet
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(typeof body === 'string' ? body : JSON.stringify(body))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    if (!String(req.headers.authorization ?? '').match(/^(OAuth|Bearer) /)) {
      return this.send(res, 401, {
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Unauthorized',
      })
    }
    if (url.pathname === '/2/users/me') {
      return this.send(res, 200, { data: { id: '1', name: 'GMP', username: 'askgmp' } })
    }
    if (url.pathname === '/2/tweets/search/recent') return this.search(url, res)
    if (url.pathname === '/2/tweets' && req.method === 'POST') {
      let raw = ''
      for await (const chunk of req) raw += chunk
      const body = JSON.parse(raw) as { text: string; reply?: { in_reply_to_tweet_id: string } }
      const t = this.post('askgmp', body.text, {
        in_reply_to_tweet_id: body.reply?.in_reply_to_tweet_id,
      } as Partial<Tweet>)
      return this.send(res, 201, {
        data: { id: t.id, text: t.text, edit_history_tweet_ids: [t.id] },
      })
    }
    if (url.pathname === '/2/tweets' && req.method === 'GET') {
      const ids = (url.searchParams.get('ids') ?? '').split(',')
      const found = this.tweets.filter((t) => ids.includes(t.id))
      const missing = ids.filter((id) => !found.some((t) => t.id === id))
      return this.send(res, 200, {
        ...(found.length ? { data: found } : {}),
        ...(missing.length
          ? {
              errors: missing.map((id) => ({
                value: id,
                detail: `Could not find tweet with ids: [${id}].`,
                title: 'Not Found Error',
                resource_type: 'tweet',
                parameter: 'ids',
                resource_id: id,
                type: 'https://api.twitter.com/2/problems/resource-not-found',
              })),
            }
          : {}),
      })
    }
    this.send(res, 404, { title: 'Not Found Error', status: 404 })
  }

  private search(url: URL, res: ServerResponse): void {
    this.searches.push(Date.now())
    const fault = this.faults.shift()
    if (fault === 'cut') {
      res.socket?.destroy()
      return
    }
    if (fault === 'malformed') {
      this.send(res, 200, '{"data": [{"id": "1", "te')
      return
    }
    if (fault === '429') {
      const reset = String(Math.ceil(Date.now() / 1000) + this.rateLimitResetSeconds)
      this.send(
        res,
        429,
        {
          title: 'Too Many Requests',
          detail: 'Too Many Requests',
          type: 'about:blank',
          status: 429,
        },
        { 'x-rate-limit-limit': '60', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset },
      )
      return
    }
    const query = url.searchParams.get('query') ?? ''
    const tag = /#(\w+)/.exec(query)?.[1]?.toLowerCase() ?? ''
    const since = url.searchParams.get('since_id')
    const offset = Number(url.searchParams.get('next_token') ?? 0)
    const matching = this.tweets
      .filter((t) => t.entities?.hashtags?.some((h) => h.tag.toLowerCase() === tag))
      .filter((t) => !since || BigInt(t.id) > BigInt(since))
      .reverse()
    const page = matching.slice(offset, offset + this.pageSize)
    if (page.length === 0) {
      this.send(res, 200, { meta: { result_count: 0 } })
      return
    }
    const more = offset + this.pageSize < matching.length
    this.send(res, 200, {
      data: page,
      includes: {
        users: [...new Set(page.map((t) => t.author_id))].map((id) => ({
          id,
          name: this.users.get(id),
          username: this.users.get(id),
        })),
      },
      meta: {
        newest_id: page[0]?.id,
        oldest_id: page.at(-1)?.id,
        result_count: page.length,
        ...(more ? { next_token: String(offset + this.pageSize) } : {}),
      },
    })
  }
}
