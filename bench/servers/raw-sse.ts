/**
 * Baseline: a minimal node:http SSE broadcaster, what one would write by hand. `batched` queues
 * the frames published in one tick and writes them to each viewer as one buffer. Events live in
 * memory (for Last-Event-ID replay); votes are folded into one `counts` frame per 250 ms, and a
 * viewer holding more than MAX_BUFFER bytes is dropped, as Askhour does.
 *
 *   node --import tsx bench/servers/raw-sse.ts raw|batched   → prints `listening <port>`
 */
import { createServer, type ServerResponse } from 'node:http'
import { approvedData, body, COUNTS_MS } from './common.ts'

const batched = process.argv[2] === 'batched'
const maxBuffer = Number(process.env.MAX_BUFFER ?? 1_048_576)
const clients = new Set<ServerResponse>()
const log: Buffer[] = [] // log[seq - 1]
let pending: Buffer[] = []
const votes = new Map<string, number>()
let countsDirty = new Map<string, number>()

function dropStalled() {
  for (const c of clients) {
    if (c.writableLength > maxBuffer) {
      c.destroy()
      clients.delete(c)
    }
  }
}

function send(frame: Buffer) {
  if (!batched) {
    dropStalled()
    for (const c of clients) c.write(frame)
    return
  }
  pending.push(frame)
  if (pending.length === 1) setImmediate(flush)
}

function flush() {
  const chunk = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending)
  pending = []
  dropStalled()
  for (const c of clients) c.write(chunk)
}

function publish(type: string, data: unknown): number {
  const seq = log.length + 1
  const frame = Buffer.from(`id: ${seq}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`)
  log.push(frame)
  send(frame)
  return seq
}

setInterval(() => {
  if (countsDirty.size === 0) return
  const questions = Object.fromEntries(countsDirty)
  countsDirty = new Map()
  publish('counts', { questions, answers: {} })
}, COUNTS_MS).unref()

const server = createServer(async (req, res) => {
  const url = req.url ?? '/'
  if (req.method === 'GET' && url.startsWith('/events')) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    })
    res.write('retry: 3000\n\n')
    const last = Number(req.headers['last-event-id'] ?? 0)
    for (let s = last; s < log.length; s++) res.write(log[s] as Buffer)
    clients.add(res)
    res.on('close', () => clients.delete(res))
    return
  }
  if (req.method === 'POST' && url === '/publish') {
    const { text } = JSON.parse(await body(req)) as { text: string }
    const seq = publish('question.approved', approvedData(text))
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ seq }))
    return
  }
  if (req.method === 'POST' && url.startsWith('/vote/')) {
    await body(req)
    const q = url.slice(6)
    const n = (votes.get(q) ?? 0) + 1
    votes.set(q, n)
    countsDirty.set(q, n)
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ votes: n }))
    return
  }
  if (url === '/stats') {
    res.writeHead(200).end(JSON.stringify({ clients: clients.size, events: log.length }))
    return
  }
  res.writeHead(404).end()
})
server.keepAliveTimeout = 60_000
server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, () => {
  const a = server.address()
  process.stdout.write(`listening ${typeof a === 'object' && a ? a.port : 0}\n`)
})
