import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { needs, PG_ADMIN_URL, REDIS_URL } from '../services.ts'
import { listen } from '../sse.ts'
import { ask, assertContiguous, type Cluster, cluster, staff, until } from './cluster.ts'
import { machineLock } from './machine-lock.ts'
import {
  ensureServicesRunning,
  killRedis,
  numsub,
  restartPostgres,
  startRedis,
} from './services-ctl.ts'

const servers = await needs([
  { name: 'PostgreSQL', url: PG_ADMIN_URL },
  { name: 'Redis', url: REDIS_URL },
])

type Viewer = ReturnType<typeof listen>
const ids = (v: Viewer) => v.events.map((e) => e.id)
const lastId = (v: Viewer) => v.events.at(-1)?.id ?? 0

/**
 * Submits questions from…to-1 over the processes, `inFlight` at a time, retrying each with its own
 * idempotency key until it is acknowledged. Calls `at(acked)` after every acknowledgement so the
 * test can break things mid-burst. Returns the id acknowledged for each question and every status.
 */
async function burst(
  urls: string[],
  tag: string,
  range: [number, number],
  at: (acked: number) => void = () => {},
  inFlight = 8,
) {
  const acked = new Map<number, string>()
  const statuses = new Map<number, number>()
  let next = range[0]
  const deadline = Date.now() + 60_000
  const worker = async () => {
    while (next < range[1]) {
      const i = next++
      for (let attempt = 0; ; attempt++) {
        const r = await ask(urls[(i + attempt) % urls.length] as string, i, tag)
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
        if (r.id) {
          acked.set(i, r.id)
          at(acked.size)
          break
        }
        if (Date.now() > deadline) throw new Error(`question ${i} never acknowledged`)
        await sleep(100)
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  return { acked, statuses }
}

describe('scale-out: Redis and PostgreSQL outages', servers, () => {
  let c: Cluster
  let unlock = () => {}
  const viewers: Viewer[] = []
  before(async () => {
    unlock = await machineLock()
    c = await cluster(2)
  })
  after(async () => {
    for (const v of viewers) v.close()
    try {
      // Whatever happened above, leave both servers running.
      await ensureServicesRunning()
      await c?.stop()
    } finally {
      unlock()
    }
  })

  /** Staff viewers on every process, from the current head. */
  async function watch(cookie: string) {
    const from = await c.deps.store.read.events.lastSeq(c.live.id)
    const vs = c.procs.flatMap((p) =>
      [0, 1].map(() =>
        listen(`${p.url}/api/v1/chats/dogs-chat/staff-events?after=${from}`, { cookie }),
      ),
    )
    viewers.push(...vs)
    await Promise.all(vs.map((v) => v.opened))
    return { from, vs }
  }

  /** Every acknowledged question is stored once under its id, and every key made one question. */
  async function assertKept(acked: Map<number, string>, tag: string, total: number) {
    const questions = (await c.deps.store.read.questions.list(c.live.id)).filter((q) =>
      q.text.startsWith(`Question ${tag} `),
    )
    assert.equal(questions.length, total, 'one question per idempotency key')
    const stored = new Set(questions.map((q) => q.id))
    for (const [i, id] of acked) assert.ok(stored.has(id), `acknowledged question ${i} kept`)
  }

  it('[X8] Redis killed and restarted mid-burst: nothing acknowledged lost, viewers on every process get every event', async () => {
    const host = await staff(c.procs[0]?.url as string, 'host@gmp.test')
    const { from, vs } = await watch(host.cookie)
    const urls = c.procs.map((p) => p.url)
    const before = await burst(urls, 'x11', [0, 50])
    await killRedis()
    const down = await burst(urls, 'x11', [50, 100])
    // While Redis is down the viewers are served by polling the database.
    const head = await c.deps.store.read.events.lastSeq(c.live.id)
    const polled = await until(
      () => vs.every((v) => lastId(v) >= head),
      3000,
      'viewers while Redis is down',
    )
    await startRedis()
    const back = await burst(urls, 'x11', [100, 150])
    const acked = new Map([...before.acked, ...down.acked, ...back.acked])
    for (const r of [before, down, back]) {
      assert.deepEqual([...r.statuses.keys()], [201], 'every submission answered 201, Redis or not')
    }
    await assertKept(acked, 'x11', 150)
    const last = await c.deps.store.read.events.lastSeq(c.live.id)
    await until(() => vs.every((v) => lastId(v) === last), 10_000, 'viewers at the head')
    for (const [k, v] of vs.entries()) assertContiguous(ids(v), from, last, `viewer ${k}`)
    // Every process is subscribed again (one SUBSCRIBE connection each).
    const channel = `${c.env.REDIS_PREFIX}chats`
    await until(async () => (await numsub(channel)) === c.procs.length, 5000, 'resubscribed')
    process.stdout.write(`# X8: viewers caught up by polling ${polled} ms after the outage burst\n`)
  })

  it('[X9] PostgreSQL restarted mid-burst: 503 while down, recovery after, nothing acknowledged lost', async () => {
    const host = await staff(c.procs[1]?.url as string, 'host@gmp.test')
    const { from, vs } = await watch(host.cookie)
    const urls = c.procs.map((p) => p.url)
    let restart: Promise<void> | null = null
    const t0 = Date.now()
    const { acked, statuses } = await burst(urls, 'x12', [0, 200], (n) => {
      if (n === 40 && !restart) restart = restartPostgres()
    })
    await restart
    const seen = Object.fromEntries(statuses)
    process.stdout.write(`# X9: statuses ${JSON.stringify(seen)} in ${Date.now() - t0} ms\n`)
    assert.ok((statuses.get(503) ?? 0) > 0, `some requests met the outage: ${JSON.stringify(seen)}`)
    assert.deepEqual(
      [...statuses.keys()].filter((s) => s !== 201 && s !== 200 && s !== 503),
      [],
      'only 201 (or a replayed 200) and 503',
    )
    await assertKept(acked, 'x12', 200)
    const last = await c.deps.store.read.events.lastSeq(c.live.id)
    await until(() => vs.every((v) => lastId(v) === last), 15_000, 'viewers at the head')
    for (const [k, v] of vs.entries()) assertContiguous(ids(v), from, last, `viewer ${k}`)
    for (const p of c.procs) assert.equal((await fetch(`${p.url}/readyz`)).status, 200)
    await until(async () => (await c.leaders()).length === 1, 8000, 'one leader again')
  })
})
