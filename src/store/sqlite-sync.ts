import fs from 'node:fs'
import { promisify } from 'node:util'

const fdatasync = (fd: number) => promisify(fs.fdatasync)(fd)

export interface WalSync {
  /** Resolves once everything committed so far is on disk. */
  sync(): Promise<void>
  close(): void
}

/**
 * Makes committed WAL frames durable without blocking the event loop. With synchronous=FULL,
 * better-sqlite3 syncs inside COMMIT on the main thread (0.2–5 ms here, a third of the thread's
 * time during a question flood). The connection runs synchronous=NORMAL instead, so COMMIT only
 * writes the frames, and this syncs the WAL file on libuv's thread pool afterwards. A sync covers
 * every frame written before it, whoever wrote it. SQLite still syncs the WAL itself before each
 * checkpoint and when it starts reusing the file.
 */
export function walSync(databaseFile: string): WalSync {
  let fd: number | null = null
  return {
    async sync() {
      // The WAL exists from the first commit on and keeps its inode while the connection is open.
      fd ??= fs.openSync(`${databaseFile}-wal`, 'r+')
      await fdatasync(fd)
    },
    close() {
      if (fd !== null) fs.closeSync(fd)
      fd = null
    },
  }
}
