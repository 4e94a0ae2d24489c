/**
 * Ingest baseline: node:http POST + one better-sqlite3 insert per question, WAL with
 * synchronous=FULL (the same durability as Askhour), no validation, moderation or events.
 *
 *   node --import tsx bench/servers/raw-ingest.ts <file.db>   → prints `listening <port>`
 */
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import SQLite from 'better-sqlite3'
import { body } from './common.ts'

const db = new SQLite(process.argv[2] ?? ':memory:')
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.exec(
  'create table if not exists questions (id text primary key, chat_id text, text text, received_at text)',
)
const insert = db.prepare(
  'insert into questions (id, chat_id, text, received_at) values (?, ?, ?, ?)',
)

const server = createServer(async (req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(404).end()
    return
  }
  const { text } = JSON.parse(await body(req)) as { text: string }
  const id = randomUUID()
  insert.run(id, 'chat', text, new Date().toISOString())
  res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }))
})
server.keepAliveTimeout = 60_000
server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, () => {
  const a = server.address()
  process.stdout.write(`listening ${typeof a === 'object' && a ? a.port : 0}\n`)
})
