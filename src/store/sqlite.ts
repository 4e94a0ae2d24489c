import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import type { Logger } from 'pino'
import { migrateToLatest } from './migrate.ts'
import { makeRepos } from './repos.ts'
import type { Database } from './schema.ts'
import { batchedTransactions } from './sqlite-batch.ts'
import { startCheckpointer } from './sqlite-checkpoint.ts'
import type { Store } from './store.ts'

/**
 * Opens (creating if needed) the embedded SQLite store and migrates it. WAL with synchronous=FULL
 * makes every acknowledged commit survive a crash or power loss.
 */
export async function openSqliteStore(file: string, opts: { log?: Logger } = {}): Promise<Store> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const conn = new SQLite(file)
  conn.pragma('journal_mode = WAL')
  conn.pragma('synchronous = FULL')
  conn.pragma('foreign_keys = ON')
  conn.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(conn) }),
  })
  await migrateToLatest(db as Kysely<unknown>)
  const checkpointer = file === ':memory:' ? null : startCheckpointer(conn, file, opts)
  const inBatch = batchedTransactions(db)
  return {
    dialect: 'sqlite',
    read: makeRepos(db, 'sqlite'),
    transaction: (fn) => inBatch((trx) => fn(makeRepos(trx, 'sqlite'))),
    async ping() {
      await sql`select 1`.execute(db)
      return true
    },
    async close() {
      await checkpointer?.stop()
      await db.destroy()
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
