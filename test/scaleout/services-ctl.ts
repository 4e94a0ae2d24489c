import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { Redis } from 'ioredis'
import { PG_ADMIN_URL, REDIS_URL, reachable } from '../services.ts'

/**
 * Stops and starts the machine's own PostgreSQL and Redis, for outage tests, with the commands
 * the machine was set up with (/work/.library/env/machines/node-svc.md). Loopback only.
 */
const pgVersion = () => readdirSync('/etc/postgresql').sort().at(-1) ?? '15'

async function waitFor(url: string, up: boolean, ms = 20_000): Promise<void> {
  const t0 = Date.now()
  while ((await reachable(url, 300)) !== up) {
    if (Date.now() - t0 > ms) throw new Error(`${url} still ${up ? 'down' : 'up'} after ${ms} ms`)
    await sleep(50)
  }
}

/** The running redis-server's pid, as it reports it. */
export function redisPid(): number {
  const info = execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'info', 'server'])
  const pid = /process_id:(\d+)/.exec(info.toString())?.[1]
  if (!pid) throw new Error('cannot read the redis-server pid')
  return Number(pid)
}

/** SIGKILL to redis-server: it keeps nothing on disk, so everything it held is gone. */
export async function killRedis(): Promise<void> {
  process.kill(redisPid(), 'SIGKILL')
  await waitFor(REDIS_URL, false)
}

export async function startRedis(): Promise<void> {
  if (await reachable(REDIS_URL, 300)) return
  spawnSync('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '-::1',
    '--port',
    '6379',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    '/var/lib/redis',
    '--logfile',
    '/var/log/redis/ci.log',
  ])
  await waitFor(REDIS_URL, true)
}

/**
 * A fast-mode restart: every session is cut and the server is down for a few seconds. Run without
 * blocking, so the test keeps sending requests meanwhile.
 */
export async function restartPostgres(): Promise<void> {
  await promisify(execFile)('pg_ctlcluster', [
    '--skip-systemctl-redirect',
    pgVersion(),
    'main',
    'restart',
  ])
  await waitFor(PG_ADMIN_URL, true)
}

export async function startPostgres(): Promise<void> {
  if (await reachable(PG_ADMIN_URL, 300)) return
  spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', pgVersion(), 'main', 'start'])
  await waitFor(PG_ADMIN_URL, true)
}

/** Leaves both servers running, whatever a test did to them. */
export async function ensureServicesRunning(): Promise<void> {
  await startRedis()
  await startPostgres()
}

/** How many connections are subscribed to `channel` right now. */
export async function numsub(channel: string): Promise<number> {
  const r = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 })
  try {
    const [, n] = (await r.call('PUBSUB', 'NUMSUB', channel)) as [string, number]
    return Number(n)
  } finally {
    r.disconnect()
  }
}
