/**
 * Baseline: a Socket.IO broadcast server (WebSocket transport only, no compression), what many
 * teams would pick instead of SSE. `io.emit` encodes each event once and writes it to every socket.
 *
 *   node --import tsx bench/servers/socketio.ts   → prints `listening <port>`
 */
import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { approvedData, body, COUNTS_MS } from './common.ts'

let seq = 0
const votes = new Map<string, number>()
let countsDirty = new Map<string, number>()

const http = createServer(async (req, res) => {
  const url = req.url ?? '/'
  if (req.method === 'POST' && url === '/publish') {
    const { text } = JSON.parse(await body(req)) as { text: string }
    seq++
    io.emit('e', seq, 'question.approved', approvedData(text))
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
  if (!url.startsWith('/socket.io')) res.writeHead(404).end()
})
http.keepAliveTimeout = 60_000
const io = new Server(http, {
  transports: ['websocket'],
  serveClient: false,
  perMessageDeflate: false,
  maxHttpBufferSize: 1e6,
})

setInterval(() => {
  if (countsDirty.size === 0) return
  const questions = Object.fromEntries(countsDirty)
  countsDirty = new Map()
  seq++
  io.emit('e', seq, 'counts', { questions, answers: {} })
}, COUNTS_MS).unref()

http.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, () => {
  const a = http.address()
  process.stdout.write(`listening ${typeof a === 'object' && a ? a.port : 0}\n`)
})
