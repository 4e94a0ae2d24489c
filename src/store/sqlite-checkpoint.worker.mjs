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
/** The WAL's length in frames after the last checkpoint: unchanged means no commit since. */
let seen = 0

function bulk() {
  const { log } = checkpoint()
  // Commits made during the copy are left in the WAL, so it cannot start over from its beginning:
  // when there were any, ask the writer for a pause to copy the rest (see 'held' below).
  if (log !== seen) parentPort.postMessage('hold')
  else timer = setTimeout(bulk, intervalMs)
  seen = log
}

parentPort.on('message', (msg) => {
  if (msg === 'held') {
    // No commit can happen now: this copies the few frames the bulk copy missed, and the next
    // commit starts the WAL over instead of appending to it.
    seen = checkpoint().log
    parentPort.postMessage('release')
    timer = setTimeout(bulk, intervalMs)
  } else if (msg === 'stop') {
    clearTimeout(timer)
    db.close()
    parentPort.close()
  }
})
