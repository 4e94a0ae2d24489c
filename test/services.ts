import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import { it } from 'node:test'
import pg from 'pg'

/** The machine's PostgreSQL and Redis (loopback only; override with TEST_PG_URL / TEST_REDIS_URL). */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const CI = process.env.CI === 'true'

/** Whether something accepts TCP connections at the URL's host and port. */
export function reachable(url: string, timeoutMs = 1000): Promise<boolean> {
  const u = new URL(url)
  const port = Number(u.port || (u.protocol.startsWith('redis') ? 6379 : 5432))
  return new Promise((resolve) => {
    const s = connect({ host: u.hostname, port })
    const done = (ok: boolean) => {
      s.destroy()
      resolve(ok)
    }
    s.setTimeout(timeoutMs, () => done(false))
    s.once('connect', () => done(true))
    s.once('error', () => done(false))
  })
}

/**
 * Decides what a suite does when its servers are down: under CI=true it must fail (a registered
 * failing test), elsewhere it is skipped with a loud message. Returns the `skip` option to pass.
 */
export async function needs(
  what: Array<{ name: string; url: string }>,
): Promise<{ skip: string | false }> {
  const down: string[] = []
  for (const w of what) if (!(await reachable(w.url))) down.push(`${w.name} (${w.url})`)
  if (down.length === 0) return { skip: false }
  const message = `${down.join(' and ')} unreachable`
  if (CI) {
    it(`servers for this suite are reachable: ${down.join(', ')}`, () =>
      assert.fail(`${message}; under CI these tests must run, not skip`))
  } else {
    process.stderr.write(
      `\n!!! SKIPPING: ${message}. Start it (see /work/.library/env or docs/deploy.md); ` +
        'under CI=true this fails instead.\n\n',
    )
  }
  return { skip: message }
}

/** A fresh PostgreSQL schema for one test run, with a URL whose connections use it. */
export async function freshSchema(prefix = 'askhour_test') {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
  await admin.connect()
  await admin.query(`create schema ${name}`)
  await admin.end()
  const url = new URL(PG_ADMIN_URL)
  url.searchParams.set('options', `-c search_path=${name}`)
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL })
      await c.connect()
      await c.query(`drop schema if exists ${name} cascade`)
      await c.end()
    },
  }
}

/**
 * A fresh PostgreSQL database, for suites whose processes each open their own pool. Databases of
 * the same prefix left over from runs more than an hour ago (a run killed mid-way) are dropped.
 */
export async function freshDatabase(prefix = 'askhour_scaleout') {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
  await admin.connect()
  const { rows } = await admin.query<{ datname: string }>(
    'select datname from pg_database where datname like $1',
    [`${prefix}\\_%`],
  )
  for (const { datname } of rows) {
    const born = Number(datname.slice(prefix.length + 1).split('_')[0])
    if (born && born < Date.now() - 3_600_000) {
      await admin.query(`drop database if exists ${datname} with (force)`)
    }
  }
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(PG_ADMIN_URL)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}
