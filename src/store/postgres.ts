import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Logger } from 'pino'
import { migrateToLatest } from './migrate.ts'
import { isUnavailable, translatePgError, translatingRepos } from './pg-errors.ts'
import { makeRepos } from './repos.ts'
import type { Database } from './schema.ts'
import type { Store } from './store.ts'

const describe = (err: unknown) =>
  err instanceof AggregateError
    ? err.errors.map((e: unknown) => (e instanceof Error ? e.message : String(e))).join('; ')
    : err instanceof Error
      ? err.message
      : String(err)

export interface PostgresOptions {
  /** Connections this process may hold at once. */
  poolSize?: number
  log?: Pick<Logger, 'warn'>
}

/**
 * Refuses a server that may lose acknowledged commits: with fsync or synchronous_commit off, a
 * crash forgets questions we already said were received.
 */
async function assertDurable(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ fsync: string; synchronous_commit: string }>`
    select current_setting('fsync') as fsync,
           current_setting('synchronous_commit') as synchronous_commit`.execute(db)
  const s = rows[0]
  const off = Object.entries(s ?? {}).filter(([, v]) => v === 'off')
  if (off.length > 0) {
    throw new Error(
      `PostgreSQL is configured without durable commits (${off.map(([k]) => `${k}=off`).join(', ')}). ` +
        'Askhour acknowledges a question only once it is safely stored; turn these back on ' +
        '(postgresql.conf, ALTER SYSTEM, ALTER ROLE/DATABASE, or the connection options) and restart.',
    )
  }
}

/**
 * Opens the PostgreSQL store with the same Kysely repositories and migrations as SQLite, checks
 * that commits are durable and migrates. Outage and race errors become domain errors (503/409).
 */
export async function openPostgresStore(url: string, opts: PostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    keepAlive: true,
  })
  // A connection that dies while idle or checked out emits 'error'; unhandled, it would end the
  // process. The query in flight (if any) fails on its own and the pool discards the client.
  const onError = (err: Error) => opts.log?.warn({ err }, 'postgres connection lost')
  pool.on('error', onError)
  pool.on('connect', (client) => client.on('error', onError))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    await assertDurable(db)
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
    await migrateToLatest(db as Kysely<unknown>, rows[0]?.schema)
  } catch (err) {
    await db.destroy()
    if (!isUnavailable(err)) throw err
    const { hostname, port } = new URL(url)
    throw new Error(
      `PostgreSQL at ${hostname}:${port || 5432} is not answering (${describe(err)}). ` +
        'Check DATABASE_URL and that the server is running.',
    )
  }
  return {
    dialect: 'postgres',
    read: translatingRepos(makeRepos(db, 'postgres')),
    async transaction(fn) {
      try {
        return await db.transaction().execute((trx) => fn(makeRepos(trx, 'postgres')))
      } catch (err) {
        throw translatePgError(err)
      }
    },
    async ping() {
      await sql`select 1`.execute(db)
      return true
    },
    close: () => db.destroy(),
  }
}
