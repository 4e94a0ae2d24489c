import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import pino from 'pino'
import type { Deps } from '../../src/app/deps.ts'
import type { ConnectorSettings } from '../../src/connectors/connector.ts'
import { keyringFrom } from '../../src/connectors/credentials.ts'
import { openSqliteStore } from '../../src/store/sqlite.ts'
import { manualClock, testDeps } from '../harness.ts'

export const PDS_PEER = join(import.meta.dirname, '..', 'peers', 'bluesky-pds')

/** Whether `npm ci --prefix test/peers/bluesky-pds` has been run. */
export const pdsInstalled = () => existsSync(join(PDS_PEER, 'node_modules', '@atproto', 'pds'))

/**
 * Skips a suite loudly when the PDS peer is not installed, and fails it under CI, where
 * `.ci/run` must have installed it.
 */
export function pdsSkipReason(): string | false {
  if (pdsInstalled()) return false
  const why = `the Bluesky PDS peer is not installed: run npm ci --prefix ${PDS_PEER}`
  if (process.env.CI === 'true') throw new Error(`CI: ${why}`)
  process.stderr.write(`\n*** SKIPPING Bluesky connector tests: ${why} ***\n\n`)
  return why
}

export interface Pds {
  pdsUrl: string
  plcUrl: string
  child: ChildProcess
  stop(): Promise<void>
}

/** Starts the reference PDS and an in-memory PLC, both on 127.0.0.1, as a child process. */
export async function startPds(): Promise<Pds> {
  const child = spawn(process.execPath, ['start.mjs'], {
    cwd: PDS_PEER,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString()
  })
  child.stderr?.on('data', (b: Buffer) => {
    out += b.toString()
  })
  const exited = once(child, 'exit')
  const deadline = Date.now() + 30_000
  let ready: { pdsUrl: string; plcUrl: string } | null = null
  while (!ready) {
    const line = out.split('\n').find((l) => l.startsWith('{"pdsUrl"'))
    if (line) ready = JSON.parse(line)
    else if (child.exitCode !== null) throw new Error(`the PDS peer exited:\n${out}`)
    else if (Date.now() > deadline) throw new Error(`the PDS peer did not start:\n${out}`)
    else await delay(50)
  }
  return {
    ...ready,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await Promise.race([exited, delay(5000).then(() => child.kill('SIGKILL'))])
    },
  }
}

/** Use-case dependencies on the real clock (network posts carry real times). */
export async function realTimeDeps(): Promise<Deps> {
  const clock = { ...manualClock(), now: () => new Date() }
  const deps = await testDeps(clock, await openSqliteStore(':memory:'))
  return { ...deps, log: pino({ level: process.env.TEST_LOG ?? 'silent' }) }
}

export const testKeyring = () => keyringFrom('test-connector-key-test-connector-key!')

export function testSettings(over: Partial<ConnectorSettings> = {}): ConnectorSettings {
  return {
    bluesky: {
      stream: 'firehose',
      streamUrl: 'http://127.0.0.1:1',
      plcUrl: 'http://127.0.0.1:1',
      appViewUrl: 'http://127.0.0.1:1',
    },
    mastodon: { pollMs: 200 },
    x: { pollMs: 200 },
    ...over,
  }
}

/** Polls `check` until it returns a truthy value, or fails after `ms`. */
export async function until<T>(
  what: string,
  check: () => Promise<T> | T,
  ms = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await check()
    if (v) return v as NonNullable<T>
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await delay(50)
  }
}
