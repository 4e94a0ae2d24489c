import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import type { Deps } from '../../src/app/deps.ts'
import { openPostgresStore } from '../../src/store/postgres.ts'
import { chat, member, organisation, PASSWORD } from '../factories.ts'
import { manualClock, testDeps } from '../harness.ts'
import { type Served, serve } from '../serve.ts'
import { freshDatabase, REDIS_URL } from '../services.ts'

/** Everything a scale-out test runs against: a fresh database, seeded, and app processes. */
export async function cluster(count: number, extraEnv: Record<string, string> = {}) {
  const db = await freshDatabase()
  const env = {
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL,
    REDIS_PREFIX: `askhour:test-${randomBytes(4).toString('hex')}:`,
    CLOCK_INTERVAL_MS: '300',
    LEADER_INTERVAL_MS: '300',
    RATE_QUESTIONS_PER_VISITOR: '100000',
    RATE_QUESTIONS_PER_IP: '100000',
    RATE_QUESTIONS_PER_CHAT: '100000',
    RATE_REACTIONS_PER_VISITOR: '100000',
    ...extraEnv,
  }
  // Seeded through the real use cases, with a clock the test can set for timed chats.
  const clock = manualClock(new Date().toISOString())
  const deps: Deps = await testDeps(clock, await openPostgresStore(db.url, { poolSize: 2 }))
  const { org, admin } = await organisation(deps, 'gmp')
  await member(deps, org.id, 'host', 'host@gmp.test')
  await member(deps, org.id, 'expert', 'expert@gmp.test', 'PC Sam Patel')
  const live = await chat(deps, admin, 'gmp', 'live')

  const procs: Served[] = []
  const startOne = async () => {
    const p = await serve(env)
    procs.push(p)
    return p
  }
  await Promise.all(Array.from({ length: count }, startOne))

  return {
    db,
    env,
    deps,
    clock,
    admin,
    live,
    procs,
    startOne,
    /** The OS pids of processes holding the run-once lock, read from PostgreSQL itself. */
    async leaders(): Promise<number[]> {
      const c = new pg.Client({ connectionString: db.url })
      await c.connect()
      try {
        const { rows } = await c.query<{ name: string }>(
          `select a.application_name as name from pg_locks l
           join pg_stat_activity a on a.pid = l.pid
           where l.locktype = 'advisory' and l.granted and a.datname = current_database()
             and a.application_name like 'askhour-run-once-%'`,
        )
        return rows.map((r) => Number(r.name.split('-').at(-1)))
      } finally {
        await c.end()
      }
    },
    async stop() {
      await Promise.all(procs.map((p) => p.stop().catch(() => p.kill())))
      await deps.store.close().catch(() => {})
      await db.drop()
    },
  }
}

export type Cluster = Awaited<ReturnType<typeof cluster>>

/** A staff member signed in over HTTP on one process; sessions live in the shared database. */
export async function staff(base: string, email: string) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  assert.equal(res.status, 200, await res.clone().text())
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
  return {
    cookie,
    post: (url: string, path: string, body: unknown) =>
      fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  }
}

/** Submits question `i` with its own idempotency key; returns the status (0: no answer at all). */
export async function ask(
  url: string,
  i: number,
  tag: string,
): Promise<{ status: number; id?: string }> {
  try {
    const res = await fetch(`${url}/api/v1/chats/dogs-chat/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `${tag}-${i}-key` },
      body: JSON.stringify({ text: `Question ${tag} ${i}: is my dog exempt?` }),
      signal: AbortSignal.timeout(10_000),
    })
    const body = (await res.json()) as { id?: string }
    return res.status === 201 || res.status === 200
      ? { status: res.status, id: body.id as string }
      : { status: res.status }
  } catch {
    return { status: 0 }
  }
}

/** Asserts a stream's ids are exactly `from+1 … to`, each once. */
export function assertContiguous(ids: number[], from: number, to: number, who: string): void {
  const expected = Array.from({ length: to - from }, (_, k) => from + k + 1)
  const missing = expected.filter((s) => !ids.includes(s))
  const dupes = ids.filter((s, k) => ids.indexOf(s) !== k)
  assert.deepEqual(
    { missing: missing.slice(0, 10), dupes: dupes.slice(0, 10), count: ids.length },
    { missing: [], dupes: [], count: expected.length },
    `${who}: events ${from + 1}…${to}`,
  )
  assert.deepEqual(ids, expected, `${who}: in log order`)
}

/** Waits for `pred`, failing with `what` after `ms`. */
export async function until(pred: () => boolean | Promise<boolean>, ms: number, what: string) {
  const t0 = Date.now()
  while (!(await pred())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await sleep(50)
  }
  return Date.now() - t0
}
