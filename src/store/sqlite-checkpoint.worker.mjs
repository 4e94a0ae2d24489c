// Runs in a worker thread (see sqlite-checkpoint.ts): checkpoints the WAL on its own connection.
// Plain JavaScript, because worker threads do not inherit the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads'
import SQLite from 'better-sqlite3'

const { file, intervalMs } = workerData
const db = new SQLite(file)
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 5000')

// PASSIVE never blocks the main connection's writers: it copies what no reader still needs.
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0]

let timer = setTimeout(bulk, intervalMs)

/** SQLite's own checkpoint threshold (wal_autocheckpoint), in frames of one page. */
const LONG_WAL = 1000

function bulk() {
  const { log } = checkpoint()
  // Commits made during a copy are left in the WAL, and SQLite starts the WAL over only once every
  // frame is copied. Between occasional commits a copy catches up by itself; under a steady
  // stream it never does, and the WAL grows past SQLite's threshold: then ask the writer for a
  // pause (see 'held' below). Asking every time would delay occasional commits for nothing.
  if (log > LONG_WAL) parentPort.postMessage('hold')
  else timer = setTimeout(bulk, intervalMs)
}

parentPort.on('message', (msg) => {
  if (msg === 'held') {
    // No commit can happen now: this copies the few frames the bulk copy missed, and the next
    // commit starts the WAL over instead of appending to it.
    checkpoint()
    parentPort.postMessage('release')
    timer = setTimeout(bulk, intervalMs)
  } else if (msg === 'stop') {
    clearTimeout(timer)
    db.close()
    parentPort.close()
  }
})
