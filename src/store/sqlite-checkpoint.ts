import { Worker } from 'node:worker_threads'
import type SQLite from 'better-sqlite3'
import type { Logger } from 'pino'

/** Often enough that the WAL stays a few MiB even during a vote storm. */
const INTERVAL_MS = 250

export interface Checkpointer {
  stop(): Promise<void>
}

/**
 * SQLite's automatic checkpoint runs inside whichever commit pushes the WAL past 1,000 pages: that
 * request copies the WAL into the database file and syncs it, on the main thread, and waits far
 * longer than any other (measured on this machine: commit p99 5 ms with it, 0.6 ms without). A
 * worker thread with its own connection checkpoints instead. Should the worker die, automatic
 * checkpoints come back, so the WAL can never grow without bound.
 */
export function startCheckpointer(
  conn: SQLite.Database,
  file: string,
  opts: { log?: Logger } = {},
): Checkpointer {
  const worker = new Worker(new URL('./sqlite-checkpoint.worker.mjs', import.meta.url), {
    workerData: { file, intervalMs: INTERVAL_MS },
    // Not the process's own flags: a preload given with --import (a profiler, a loader) would run
    // again in the worker, where it may not load, and the worker would die at start.
    execArgv: [],
    // It holds one connection and a timer; a small heap keeps it from costing viewers' memory.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 },
  })
  conn.pragma('wal_autocheckpoint = 0')
  let stopping = false
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const fallBack = (err?: unknown) => {
    if (stopping || !conn.open) return
    stopping = true
    opts.log?.warn({ err }, 'sqlite checkpoint worker stopped; checkpointing on commit again')
    conn.pragma('wal_autocheckpoint = 1000')
  }
  worker.on('error', fallBack)
  worker.once('exit', () => fallBack())
  worker.unref()
  return {
    async stop() {
      stopping = true
      // Unreferenced so that an idle server can exit; held again until the worker has closed.
      worker.ref()
      worker.postMessage('stop')
      await exited
    },
  }
}
