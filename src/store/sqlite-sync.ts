import fs from 'node:fs'

export interface WalSync {
  /** Counts a COMMIT just written; returns its mark. */
  committed(): number
  /** The mark of the newest COMMIT: a read now may see everything up to it. */
  latest(): number
  /** Resolves once every commit up to `mark` is on disk; rejects for ever after a failed sync. */
  durable(mark: number): Promise<void>
  close(): void
}

interface Waiter {
  mark: number
  resolve: () => void
  reject: (err: unknown) => void
}

/**
 * Makes committed WAL frames durable off the event loop, as group commit. With synchronous=FULL,
 * better-sqlite3 syncs inside COMMIT on the main thread: ~6 ms on this machine's disk, a third of
 * the thread's time in a vote storm. The connection runs synchronous=NORMAL instead, so COMMIT
 * only writes the frames, and this syncs the WAL file on libuv's thread pool afterwards. One sync
 * covers every frame written before it starts, whoever waits on it; a commit made while a sync is
 * in flight waits for the next one. SQLite still syncs the WAL itself before each checkpoint and
 * when it starts reusing the file.
 *
 * After a failed sync nothing on disk can be trusted (a later sync may succeed without the lost
 * pages), so every later wait fails too, as PostgreSQL stops on a failed fsync.
 */
export function walSync(databaseFile: string): WalSync {
  let fd: number | null = null
  let written = 0
  let synced = 0
  let syncing = false
  let failure: unknown = null
  const waiting: Waiter[] = []

  function settle(): void {
    const still: Waiter[] = []
    for (const w of waiting.splice(0)) {
      if (failure !== null) w.reject(failure)
      else if (w.mark <= synced) w.resolve()
      else still.push(w)
    }
    waiting.push(...still)
  }

  function startSync(): void {
    syncing = true
    const target = written
    try {
      // The WAL exists from the first commit on and keeps its inode while the connection is open.
      fd ??= fs.openSync(`${databaseFile}-wal`, 'r+')
    } catch (err) {
      syncing = false
      failure = err
      settle()
      return
    }
    fs.fdatasync(fd, (err) => {
      syncing = false
      if (err) failure ??= err
      else synced = Math.max(synced, target)
      settle()
      if (failure === null && waiting.length > 0) startSync()
    })
  }

  return {
    committed: () => ++written,
    latest: () => written,
    durable(mark) {
      if (failure !== null) return Promise.reject(failure)
      if (mark <= synced) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        waiting.push({ mark, resolve, reject })
        if (!syncing) startSync()
      })
    },
    close() {
      if (fd !== null) fs.closeSync(fd)
      fd = null
    },
  }
}

/** An in-memory database has nothing to sync. */
export const noSync: WalSync = {
  committed: () => 0,
  latest: () => 0,
  durable: () => Promise.resolve(),
  close: () => {},
}
