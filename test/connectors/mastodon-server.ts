import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import { type WebSocket, WebSocketServer } from 'ws'

type Status = Record<string, unknown> & { id: string; uri: string; tags: Array<{ name: string }> }

const TEMPLATE = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/connectors/mastodon-status.json'), 'utf8'),
) as Status

/**
 * A loopback Mastodon instance speaking the documented REST and streaming APIs, with the real
 * Status format (recorded fixture), and switches to misbehave: 429s, malformed frames, dropped
 * connections, a refused stream.
 */
export class FakeMastodon {
  readonly statuses: Status[] = []
  readonly token = 'mastodon-test-token'
  private readonly server: Server
  private readonly wss = new WebSocketServer({ noServer: true })
  private readonly sockets = new Set<{ ws: WebSocket; tags: Set<string> }>()
  private next = 113448016539185100n
  /** Answer the next requests to paths starting with this with 429 and Retry-After. */
  readonly throttle: Array<{ path: string; retryAfter: number }> = []
  refuseStreaming = false
  requests: string[] = []
  url = ''

  constructor() {
    this.server = createServer((req, res) => this.handle(req, res))
    this.server.on('upgrade', (req, socket, head) => {
      if (this.refuseStreaming || !req.url?.startsWith('/api/v1/streaming')) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n')
        return
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const client = { ws, tags: new Set<string>() }
        this.sockets.add(client)
        ws.on('close', () => this.sockets.delete(client))
        ws.on('message', (raw) => {
          const m = JSON.parse(String(raw)) as { type: string; stream: string; tag?: string }
          if (m.stream === 'hashtag' && m.tag) {
            if (m.type === 'subscribe') client.tags.add(m.tag.toLowerCase())
            else client.tags.delete(m.tag.toLowerCase())
          }
        })
      })
    })
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r))
    const addr = this.server.address()
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
    return this
  }

  async stop(): Promise<void> {
    for (const c of this.sockets) c.ws.terminate()
    this.wss.close()
    this.server.closeAllConnections()
    await new Promise((r) => this.server.close(r))
  }

  /** Someone posts a public status; streams subscribed to one of its tags hear of it. */
  post(acct: string, text: string, opts: { tags?: string[]; inReplyTo?: string } = {}): Status {
    const id = String(this.next++)
    const local = !acct.includes('@')
    const tags =
      opts.tags ?? [...text.matchAll(/#(\w+)/g)].map((m) => (m[1] as string).toLowerCase())
    const status: Status = {
      ...structuredClone(TEMPLATE),
      id,
      created_at: new Date().toISOString(),
      uri: `${this.url}/users/${acct}/statuses/${id}`,
      url: `${this.url}/@${acct}/${id}`,
      content: `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      in_reply_to_id: opts.inReplyTo ?? null,
      account: {
        ...(TEMPLATE.account as object),
        acct,
        username: acct.split('@')[0],
        url: `${this.url}/@${acct}`,
      },
      tags: tags.map((name) => ({ name, url: `${this.url}/tags/${name}` })),
    }
    if (!local)
      status.uri = `https://${acct.split('@')[1]}/users/${acct.split('@')[0]}/statuses/${id}`
    this.statuses.push(status)
    this.broadcast(
      status.tags.map((t) => t.name),
      'update',
      JSON.stringify(status),
    )
    return status
  }

  delete(id: string): void {
    const i = this.statuses.findIndex((s) => s.id === id)
    const [s] = this.statuses.splice(i, 1)
    if (s)
      this.broadcast(
        s.tags.map((t) => t.name),
        'delete',
        id,
      )
  }

  /** Sends a frame that is not JSON to every stream. */
  garble(): void {
    for (const c of this.sockets) c.ws.send('{"stream": ["hashtag", "askgmp"], "event": "upd')
  }

  /** Drops every streaming connection, as a load balancer restart would. */
  disconnect(): void {
    for (const c of this.sockets) c.ws.terminate()
  }

  streams(): number {
    return this.sockets.size
  }

  private broadcast(tags: string[], event: string, payload: string): void {
    for (const c of this.sockets) {
      for (const tag of tags) {
        if (c.tags.has(tag)) c.ws.send(JSON.stringify({ stream: ['hashtag', tag], event, payload }))
      }
    }
  }

  private json(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(JSON.stringify(body))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    this.requests.push(`${req.method} ${url.pathname}`)
    const t = this.throttle.findIndex((x) => url.pathname.startsWith(x.path))
    if (t >= 0) {
      const [x] = this.throttle.splice(t, 1)
      return this.json(
        res,
        429,
        { error: 'Too many requests' },
        { 'retry-after': String(x?.retryAfter) },
      )
    }
    const authed = req.headers.authorization === `Bearer ${this.token}`
    const path = url.pathname
    if (path === '/api/v1/accounts/verify_credentials') {
      if (!authed) return this.json(res, 401, { error: 'The access token is invalid' })
      return this.json(res, 200, {
        ...(TEMPLATE.account as object),
        id: '1',
        acct: 'askgmp',
        username: 'askgmp',
      })
    }
    if (path === '/api/v2/instance') {
      return this.json(res, 200, {
        domain: '127.0.0.1',
        title: 'Test instance',
        version: '4.3.0',
        configuration: {
          urls: { streaming: this.url.replace('http', 'ws') },
          statuses: { max_characters: 500 },
        },
      })
    }
    const tag = /^\/api\/v1\/timelines\/tag\/(\w+)$/.exec(path)?.[1]?.toLowerCase()
    if (tag) {
      const minId = url.searchParams.get('min_id')
      const limit = Number(url.searchParams.get('limit') ?? 20)
      const newer = this.statuses
        .filter((s) => s.tags.some((x) => x.name === tag))
        .filter((s) => !minId || BigInt(s.id) > BigInt(minId))
      // min_id: the page right after min_id; otherwise the newest page; newest first either way.
      const page = minId ? newer.slice(0, limit) : newer.slice(-limit)
      return this.json(res, 200, page.reverse())
    }
    const one = /^\/api\/v1\/statuses\/(\d+)$/.exec(path)?.[1]
    if (one && req.method === 'GET') {
      const s = this.statuses.find((x) => x.id === one)
      return s ? this.json(res, 200, s) : this.json(res, 404, { error: 'Record not found' })
    }
    if (path === '/api/v1/statuses' && req.method === 'POST') {
      if (!authed) return this.json(res, 401, { error: 'The access token is invalid' })
      let raw = ''
      for await (const chunk of req) raw += chunk
      const body = JSON.parse(raw) as { status: string; in_reply_to_id?: string }
      const s = this.post('askgmp', body.status, { inReplyTo: body.in_reply_to_id })
      return this.json(res, 200, s)
    }
    if (path === '/api/v2/search') {
      const q = url.searchParams.get('q')
      return this.json(res, 200, {
        accounts: [],
        hashtags: [],
        statuses: this.statuses.filter((s) => s.uri === q),
      })
    }
    this.json(res, 404, { error: 'Record not found' })
  }
}
