import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { type Dialect, type Driver, Kysely, SqliteDialect, sql } from 'kysely'
import type { Logger } from 'pino'
import { migrateToLatest } from './migrate.ts'
import { makeRepos, type Repos } from './repos.ts'
import type { Database } from './schema.ts'
import { batchedTransactions } from './sqlite-batch.ts'
import { startCheckpointer } from './sqlite-checkpoint.ts'
import { noSync, type WalSync, walSync } from './sqlite-sync.ts'
import type { Store } from './store.ts'

/**
 * Opens (creating if needed) the embedded SQLite store and migrates it. WAL, synced after every
 * commit before anything is acknowledged or read (sqlite-sync.ts), makes every acknowledged
 * commit survive a crash or power loss.
 */
export async function openSqliteStore(file: string, opts: { log?: Logger } = {}): Promise<Store> {
  const onDisk = file !== ':memory:'
  if (onDisk) mkdirSync(dirname(file), { recursive: true })
  const conn = new SQLite(file)
  if (onDisk && conn.pragma('journal_mode = WAL', { simple: true }) !== 'wal') {
    throw new Error(`${file}: SQLite would not switch to WAL mode`)
  }
  // COMMIT writes the WAL; walSync puts it on disk off the event loop, before anyone hears of it.
  conn.pragma('synchronous = NORMAL')
  conn.pragma('foreign_keys = ON')
  conn.pragma('busy_timeout = 5000')
  const dialect = new SqliteDialect({ database: withStatementCache(conn) })
  const driver = dialect.createDriver()
  const writer = new Kysely<Database>({ dialect: sharing(dialect, driver) })
  await migrateToLatest(writer as Kysely<unknown>)
  const checkpointer = onDisk ? startCheckpointer(conn, file, opts) : null
  const wal = onDisk ? walSync(file) : noSync
  const reader = new Kysely<Database>({ dialect: sharing(dialect, durableReads(driver, wal)) })
  const inBatch = batchedTransactions(writer, wal, () => checkpointer?.hold() ?? null)
  // Every request of a batch runs on the batch's one connection: bind the repositories once.
  const bound = new WeakMap<Kysely<Database>, Repos>()
  const reposOn = (trx: Kysely<Database>) => {
    let repos = bound.get(trx)
    if (!repos) {
      repos = makeRepos(trx, 'sqlite')
      bound.set(trx, repos)
    }
    return repos
  }
  return {
    dialect: 'sqlite',
    read: makeRepos(reader, 'sqlite'),
    transaction: (fn) => inBatch((trx) => fn(reposOn(trx))),
    async ping() {
      await sql`select 1`.execute(reader)
      return true
    },
    async close() {
      await checkpointer?.stop()
      await reader.destroy()
      await writer.destroy()
      wal.close()
    },
  }
}

/** The dialect, over a given driver: the writer and the reader share the one connection's. */
function sharing(dialect: Dialect, driver: Driver): Dialect {
  return {
    createDriver: () => driver,
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  }
}

/**
 * Reads outside a batch hand their rows back only once every commit they could have seen is on
 * disk, so nobody is shown what a crash could still take back. The connection is released first:
 * writes go on meanwhile.
 */
function durableReads(driver: Driver, wal: WalSync): Driver {
  return {
    // The writer initialises and destroys the shared driver.
    init: async () => {},
    destroy: async () => {},
    acquireConnection: () => driver.acquireConnection(),
    beginTransaction: (c, settings) => driver.beginTransaction(c, settings),
    commitTransaction: (c) => driver.commitTransaction(c),
    rollbackTransaction: (c) => driver.rollbackTransaction(c),
    async releaseConnection(c) {
      const seen = wal.latest()
      await driver.releaseConnection(c)
      await wal.durable(seen)
    },
  }
}

/**
 * Kysely prepares every query afresh; the same few hundred statements run all day, so reuse them
 * (better-sqlite3 statements are reusable and hold no per-call state).
 */
function withStatementCache(conn: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => conn.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql)
      if (!stmt) {
        stmt = conn.prepare(sql)
        if (cache.size >= max) cache.delete(cache.keys().next().value as string)
        cache.set(sql, stmt)
      }
      return stmt
    },
  }
}
