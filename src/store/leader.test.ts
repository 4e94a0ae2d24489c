import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import pino from 'pino'
import { needs, PG_ADMIN_URL } from '../../test/services.ts'
import { advisoryLeadership, type Leadership, soleLeadership } from './leader.ts'

const servers = await needs([{ name: 'PostgreSQL', url: PG_ADMIN_URL }])
const log = pino({ level: 'silent' })

async function until(pred: () => boolean, ms = 5000): Promise<number> {
  const t0 = Date.now()
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`)
    await sleep(20)
  }
  return Date.now() - t0
}

const leaders = (ls: Leadership[]) => ls.filter((l) => l.isLeader()).length

describe('leadership', () => {
  it('[X5] the embedded mode always leads', () => {
    assert.equal(soleLeadership().isLeader(), true)
  })

  describe('advisory lock', servers, () => {
    it('[X5] exactly one of three processes leads; when it stops, another takes over within seconds', async () => {
      const name = `test-${randomBytes(4).toString('hex')}`
      const ls = [0, 1, 2].map(() =>
        advisoryLeadership(PG_ADMIN_URL, { name, intervalMs: 200, log }),
      )
      try {
        await until(() => leaders(ls) === 1)
        await sleep(600)
        assert.equal(leaders(ls), 1)
        const first = ls.find((l) => l.isLeader()) as Leadership
        await first.close()
        const took = await until(() => leaders(ls) === 1)
        assert.ok(took < 2000, `took over after ${took} ms`)
        assert.equal(first.isLeader(), false)
      } finally {
        await Promise.all(ls.map((l) => l.close()))
      }
    })

    it('[X5] a leader whose database session is killed stops leading, and another takes over', async () => {
      const name = `test-${randomBytes(4).toString('hex')}`
      const ls = [0, 1].map(() => advisoryLeadership(PG_ADMIN_URL, { name, intervalMs: 200, log }))
      const changes: boolean[] = []
      for (const l of ls) l.onChange((now) => changes.push(now))
      try {
        await until(() => leaders(ls) === 1)
        const first = ls.findIndex((l) => l.isLeader())
        const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
        await admin.connect()
        await admin.query(
          `select pg_terminate_backend(l.pid) from pg_locks l
           join pg_stat_activity a on a.pid = l.pid
           where l.locktype = 'advisory' and l.granted and a.application_name like $1`,
          [`askhour-${name}-%`],
        )
        await admin.end()
        await until(() => !ls[first]?.isLeader())
        await until(() => leaders(ls) === 1)
        assert.ok(changes.filter((c) => c).length >= 2)
      } finally {
        await Promise.all(ls.map((l) => l.close()))
      }
    })
  })
})
