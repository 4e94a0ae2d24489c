import { Worker } from 'node:worker_threads'
import type SQLite from 'better-sqlite3'
import type { Logger } from 'pino'

/** Often enough that the WAL stays a few MiB even during a vote storm. */
const INTERVAL_MS = 250

/**
 * The longest the writer waits for the worker to finish a checkpoint. Past it, commits go on and
 * the WAL grows until the next try: a slow disk must not stall every write behind it.
 */
const MAX_HOLD_MS = 20

export interface Checkpointer {
  /**
   * Called before each commit. Null, or a promise to await first when the worker asks for a
   * moment without commits (see the worker).
   */
  hold(): Promise<void> | null
  stop(): Promise<void>
}

/**
 * SQLite's automatic checkpoint runs inside whichever commit pushes the WAL past 1,000 pages: that
 * request copies the WAL into the database file and syncs it, on the main thread, and waits far
 * longer than any other (measured on this machine: commit p99 5 ms with it, 0.6 ms without). A
 * worker thread with its own connection checkpoints instead. Should the worker die, automatic
 * checkpoints come back, so the WAL can never grow without bound.
 *
 * The worker's copy runs alongside commits, so under a steady stream of them it never catches
 * up, and SQLite only starts the WAL over from its beginning once every frame is copied: the file
 * would grow for as long as the stream lasts (115 MB in an 8 s vote storm), every sync extending
 * it. So once the WAL is long, the worker asks for a pause; the next commit waits (`hold`) while
 * it copies the rest, ~1 ms, and then starts the WAL over.
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
  let asked = false
  let held: { release: () => void; timer: NodeJS.Timeout } | null = null
  const release = () => {
    if (!held) return
    clearTimeout(held.timer)
    held.release()
    held = null
  }
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const fallBack = (err?: unknown) => {
    asked = false
    release()
    if (stopping || !conn.open) return
    stopping = true
    opts.log?.warn({ err }, 'sqlite checkpoint worker stopped; checkpointing on commit again')
    conn.pragma('wal_autocheckpoint = 1000')
  }
  worker.on('message', (msg) => {
    if (msg === 'hold') asked = !stopping
    else if (msg === 'release') release()
  })
  worker.on('error', fallBack)
  worker.once('exit', () => fallBack())
  worker.unref()
  return {
    hold() {
      if (!asked) return null
      asked = false
      return new Promise<void>((resolve) => {
        held = { release: resolve, timer: setTimeout(release, MAX_HOLD_MS) }
        worker.postMessage('held')
      })
    },
    async stop() {
      stopping = true
      asked = false
      release()
      // Unreferenced so that an idle server can exit; held again until the worker has closed.
      worker.ref()
      worker.postMessage('stop')
      await exited
    },
  }
}
