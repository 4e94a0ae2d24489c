import { CompiledQuery, type Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { WalSync } from './sqlite-sync.ts'

interface Pending<T> {
  fn: (trx: Kysely<Database>) => Promise<T>
  resolve: (value: T) => void
  reject: (err: unknown) => void
}

const MAX_BATCH = 64

const BEGIN = CompiledQuery.raw('begin immediate')
const SAVEPOINT = CompiledQuery.raw('savepoint request')
const RELEASE = CompiledQuery.raw('release request')
const ROLLBACK_TO = CompiledQuery.raw('rollback to request')
const COMMIT = CompiledQuery.raw('commit')
const ROLLBACK = CompiledQuery.raw('rollback')

/**
 * Group commit for SQLite. With synchronous=FULL every COMMIT waits for the disk, on the main
 * thread; one commit per request caps throughput at the disk's sync rate and stalls everything
 * else meanwhile. Transactions that arrive together run one after another inside one database
 * transaction, each in its own savepoint (a failure rolls back only its own writes), and all are
 * answered after the single COMMIT, so nothing is acknowledged before it is durable.
 *
 * The transaction opens with BEGIN IMMEDIATE: it holds the database's one write lock from its
 * first statement, so what a request reads cannot change before it commits (another process on
 * the same file waits for the lock instead) and no per-chat lock is needed. Control statements
 * are plain SQL on the held connection: the query builder's transaction objects cost more than
 * the statements themselves.
 *
 * The COMMIT only writes the WAL; the batch's requests are answered once `wal` has it on disk
 * (sqlite-sync.ts). The connection is free again at the COMMIT, so reads go on during the sync,
 * but the next batch waits for it: requests arriving meanwhile join that batch, and a storm is
 * written in few large commits rather than many small ones (each costs ~1 ms of main-thread time).
 * Before each commit the checkpointer may ask for a short pause (`hold`, sqlite-checkpoint.ts).
 */
export function batchedTransactions(
  db: Kysely<Database>,
  wal: WalSync,
  hold: () => Promise<void> | null,
) {
  const queue: Array<Pending<unknown>> = []
  let running = false

  async function runBatch(): Promise<void> {
    // Requests that arrive during the pause join this batch.
    await hold()
    const batch = queue.splice(0, MAX_BATCH)
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; err: unknown }> = []
    let mark = 0
    try {
      await db.connection().execute(async (conn) => {
        await conn.executeQuery(BEGIN)
        try {
          for (const item of batch) {
            await conn.executeQuery(SAVEPOINT)
            try {
              outcomes.push({ ok: true, value: await item.fn(conn) })
              await conn.executeQuery(RELEASE)
            } catch (err) {
              await conn.executeQuery(ROLLBACK_TO)
              await conn.executeQuery(RELEASE)
              outcomes.push({ ok: false, err })
            }
          }
          await conn.executeQuery(COMMIT)
          mark = wal.committed()
        } catch (err) {
          await conn.executeQuery(ROLLBACK).catch(() => undefined)
          throw err
        }
      })
      await wal.durable(mark)
    } catch (err) {
      for (const item of batch) item.reject(err)
      return
    }
    batch.forEach((item, i) => {
      const o = outcomes[i]
      if (o?.ok) item.resolve(o.value)
      else item.reject(o?.err)
    })
  }

  function drain(): void {
    if (running || queue.length === 0) return
    running = true
    // Let the requests that arrived in this turn of the event loop join the batch.
    setImmediate(() => {
      // runBatch settles every request itself and never rejects.
      void runBatch().finally(() => {
        running = false
        drain()
      })
    })
  }

  return <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve, reject } as Pending<unknown>)
      drain()
    })
}
