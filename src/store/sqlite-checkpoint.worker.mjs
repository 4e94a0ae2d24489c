// Runs in a worker thread (see sqlite-checkpoint.ts): checkpoints the WAL on its own connection.
// Plain JavaScript, because worker threads do not inherit the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads'
import SQLite from 'better-sqlite3'

const { file, intervalMs } = workerData
const db = new SQLite(file)
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 5000')

// PASSIVE never blocks the main connection's writers: it copies what no reader still needs.
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), intervalMs)

parentPort.on('message', (msg) => {
  if (msg !== 'stop') return
  clearInterval(timer)
  db.close()
  parentPort.close()
})
