import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { chat } from '../factories.ts'
import { needs, PG_ADMIN_URL, REDIS_URL } from '../services.ts'
import { listen } from '../sse.ts'
import { ask, assertContiguous, type Cluster, cluster, staff, until } from './cluster.ts'
import { machineLock } from './machine-lock.ts'
import { failoverProxy } from './proxy.ts'
import { ensureServicesRunning } from './services-ctl.ts'

const servers = await needs([
  { name: 'PostgreSQL', url: PG_ADMIN_URL },
  { name: 'Redis', url: REDIS_URL },
])

type Viewer = ReturnType<typeof listen>
const ids = (v: Viewer) => v.events.map((e) => e.id)
const lastId = (v: Viewer) => v.events.at(-1)?.id ?? 0

describe('scale-out: app processes on PostgreSQL and Redis', servers, () => {
  let c: Cluster
  let unlock = () => {}
  const viewers: Viewer[] = []
  const stream = (url: string, path: 'events' | 'staff-events', after: number, cookie = '') => {
    const v = listen(
      `${url}/api/v1/chats/dogs-chat/${path}?after=${after}`,
      cookie ? { cookie } : {},
    )
    viewers.push(v)
    return v
  }
  before(async () => {
    unlock = await machineLock()
    c = await cluster(3)
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

  it('[X6] viewers on every process see what staff did on another, in log order, carried by the bus', async () => {
    const [A, B, C] = c.procs as [(typeof c.procs)[0], (typeof c.procs)[0], (typeof c.procs)[0]]
    const host = await staff(A.url, 'host@gmp.test')
    const expert = await staff(B.url, 'expert@gmp.test')
    const from = await c.deps.store.read.events.lastSeq(c.live.id)
    const staffViews = c.procs.map((p) => stream(p.url, 'staff-events', from, host.cookie))
    const publicViews = c.procs.map((p) => stream(p.url, 'events', from))
    await Promise.all([...staffViews, ...publicViews].map((v) => v.opened))

    const asked = await ask(C.url, 1, 'x9')
    assert.equal(asked.status, 201)
    const t0 = Date.now()
    const approved = await host.post(
      A.url,
      `/api/v1/chats/dogs-chat/questions/${asked.id}/moderation`,
      { type: 'approve' },
    )
    assert.equal(approved.status, 200)
    const onB = publicViews[1] as Viewer
    await until(() => onB.events.some((e) => e.type === 'question.approved'), 3000, 'approval on B')
    // The fallback poll is 5 s: anything this fast came over the bus.
    assert.ok(Date.now() - t0 < 1000, `approval reached B after ${Date.now() - t0} ms`)

    const answered = await expert.post(
      B.url,
      `/api/v1/chats/dogs-chat/questions/${asked.id}/answer`,
      {
        kind: 'answer',
        body: 'Yes: in any public place, and a car on a road counts.',
        publish: true,
      },
    )
    assert.equal(answered.status, 201)
    const last = await c.deps.store.read.events.lastSeq(c.live.id)
    const publicLog = (await c.deps.store.read.events.after(c.live.id, from, 'public')).map(
      (e) => e.seq,
    )
    await until(
      () => [...staffViews, ...publicViews].every((v) => lastId(v) === last),
      5000,
      'every viewer at the head',
    )
    for (const [k, v] of staffViews.entries()) assertContiguous(ids(v), from, last, `staff ${k}`)
    for (const v of publicViews) assert.deepEqual(ids(v), publicLog)
    assert.deepEqual(
      (publicViews[2] as Viewer).events.map((e) => e.type),
      ['question.approved', 'answer.published'],
    )
  })

  it('[X7] a process killed mid-chat: its viewers resume on another with Last-Event-ID, no gap, no duplicate', async () => {
    const [A, B, C] = c.procs as [(typeof c.procs)[0], (typeof c.procs)[0], (typeof c.procs)[0]]
    const proxy = await failoverProxy(() => [A.url, B.url])
    try {
      const host = await staff(C.url, 'host@gmp.test')
      const from = await c.deps.store.read.events.lastSeq(c.live.id)
      const staffViews = Array.from({ length: 5 }, () =>
        stream(proxy.url, 'staff-events', from, host.cookie),
      )
      const publicViews = Array.from({ length: 5 }, () => stream(proxy.url, 'events', from))
      await Promise.all([...staffViews, ...publicViews].map((v) => v.opened))

      let killedAt = 0
      for (let i = 0; i < 80; i++) {
        const target = i % 2 ? B : C
        const q = await ask(target.url, i, 'x10')
        assert.equal(q.status, 201)
        if (i % 2 === 0) {
          const r = await host.post(
            target.url,
            `/api/v1/chats/dogs-chat/questions/${q.id}/moderation`,
            {
              type: 'approve',
            },
          )
          assert.equal(r.status, 200)
        }
        if (i === 40) {
          await until(() => staffViews.every((v) => v.events.length > 0), 3000, 'viewers live on A')
          await A.kill()
          killedAt = Date.now()
        }
        await sleep(10)
      }
      const last = await c.deps.store.read.events.lastSeq(c.live.id)
      const publicLog = (await c.deps.store.read.events.after(c.live.id, from, 'public')).map(
        (e) => e.seq,
      )
      const resumed = await until(
        () =>
          staffViews.every((v) => lastId(v) === last) &&
          publicViews.every((v) => lastId(v) === publicLog.at(-1)),
        15_000,
        'viewers resumed on B',
      )
      for (const [k, v] of staffViews.entries()) assertContiguous(ids(v), from, last, `staff ${k}`)
      for (const v of publicViews) assert.deepEqual(ids(v), publicLog)
      process.stdout.write(
        `# X7: ${staffViews.length + publicViews.length} viewers resumed ${Date.now() - killedAt} ms after the kill (waited ${resumed} ms after the burst)\n`,
      )
    } finally {
      await proxy.close()
    }
  })

  it('[X5] the chat clock runs in exactly one process; when that process is killed another takes over within seconds', async () => {
    await c.startOne() // three live processes again
    const alive = () => c.procs.filter((p) => p.child.exitCode === null && !p.child.signalCode)
    await until(async () => (await c.leaders()).length === 1, 5000, 'one leader')
    const [leaderPid] = await c.leaders()
    assert.ok(
      alive().some((p) => p.child.pid === leaderPid),
      'the leader is one of ours',
    )

    const startSoon = async (slug: string, inMs: number) => {
      c.clock.set(new Date(Date.now() - 3_600_000 + inMs).toISOString())
      return chat(c.deps, c.admin, 'gmp', 'scheduled', slug)
    }
    const started = async (id: string) =>
      (await c.deps.store.read.events.after(id, 0, 'all')).filter((e) => e.type === 'chat.started')

    const first = await startSoon('clock-one', 1000)
    await until(async () => (await started(first.id)).length > 0, 5000, 'the clock to start a chat')
    await sleep(1000)
    assert.deepEqual(
      (await started(first.id)).map((e) => e.actor),
      ['system:clock'],
    )

    const leader = alive().find((p) => p.child.pid === leaderPid)
    await leader?.kill()
    const killedAt = Date.now()
    const second = await startSoon('clock-two', 500)
    const tookOver = await until(
      async () => (await started(second.id)).length > 0,
      10_000,
      'another process to start the next chat',
    )
    const [next] = await c.leaders()
    assert.ok(next !== leaderPid && alive().some((p) => p.child.pid === next))
    assert.equal((await started(second.id)).length, 1)
    process.stdout.write(
      `# X5: a new leader started a due chat ${Date.now() - killedAt} ms after the leader was killed (${tookOver} ms wait)\n`,
    )
  })
})
