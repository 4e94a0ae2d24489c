import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openPostgresStore } from '../../src/store/postgres.ts'
import { openSqliteStore } from '../../src/store/sqlite.ts'
import type { Store } from '../../src/store/store.ts'
import { chat, member, organisation, PASSWORD } from '../../test/factories.ts'
import { manualClock, testDeps } from '../../test/harness.ts'
import { freshDatabase } from '../../test/services.ts'
import { type Proc, startServer } from './util.ts'

export const CHAT = 'bench-chat'
const HOST_EMAIL = 'host@gmp.test'

/** Settings for every benchmarked `askhour serve`: limits out of the way, quiet logs. */
const ENV = {
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  RATE_QUESTIONS_PER_VISITOR: '100000000',
  RATE_QUESTIONS_PER_IP: '100000000',
  RATE_QUESTIONS_PER_CHAT: '100000000',
  RATE_REACTIONS_PER_VISITOR: '100000000',
  SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
}

async function seed(store: Store) {
  const deps = await testDeps(manualClock(new Date().toISOString()), store)
  const { org, admin } = await organisation(deps, 'gmp')
  await member(deps, org.id, 'host', HOST_EMAIL)
  await chat(deps, admin, 'gmp', 'live', CHAT)
  await store.close()
}

/** A database with one organisation, a host and one live chat: a SQLite file, or PostgreSQL. */
export async function prepareDatabase(
  kind: 'sqlite' | 'postgres',
): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'askhour-bench-'))
    const url = join(dir, 'askhour.db')
    await seed(await openSqliteStore(url))
    return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const db = await freshDatabase('askhour_bench')
  await seed(await openPostgresStore(db.url, { poolSize: 2 }))
  return db
}

/**
 * `askhour serve` as `npm start` runs it, compiled (dist/, built once by bench/run.ts), as its own
 * process, optionally with a preloaded probe.
 */
export function serveAskhour(
  env: Record<string, string>,
  probe = false,
): Promise<Proc & { port: number }> {
  const args = [
    ...(probe ? ['--import', './bench/lib/probe.mjs'] : []),
    'dist/cli/main.js',
    'serve',
  ]
  return startServer(args, { ...ENV, ...env })
}

/** The host's session, and the calls the bench makes through the public JSON API. */
export async function hostSession(base: string) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: HOST_EMAIL, password: PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
  return {
    /** Asks `n` questions (as visitors), `parallel` at a time; returns their ids in order. */
    async ask(n: number, label: string, pad = 0, parallel = 8): Promise<string[]> {
      const ids: string[] = new Array(n)
      let next = 0
      const worker = async () => {
        for (let i = next++; i < n; i = next++) {
          const text = `Bench ${label} question ${i}: does my exempt dog need a muzzle in the car?${' More detail.'.repeat(pad)}`
          const r = await fetch(`${base}/api/v1/chats/${CHAT}/questions`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'idempotency-key': `bench-${label}-${i}`,
            },
            body: JSON.stringify({ text: text.slice(0, 1990) }),
          })
          if (r.status !== 201) throw new Error(`ask failed: ${r.status} ${await r.text()}`)
          ids[i] = ((await r.json()) as { id: string }).id
        }
      }
      await Promise.all(Array.from({ length: parallel }, worker))
      return ids
    },
    /** The real publish path: the host approves, the commit is fanned out to every viewer. */
    async approve(id: string, on = base): Promise<void> {
      const r = await fetch(`${on}/api/v1/chats/${CHAT}/questions/${id}/moderation`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'approve' }),
      })
      if (r.status !== 200) throw new Error(`approve failed: ${r.status} ${await r.text()}`)
      await r.arrayBuffer()
    },
  }
}
