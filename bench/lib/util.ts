import { type ChildProcess, fork, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'

/** A clock shared by every process on the machine (CLOCK_MONOTONIC), in milliseconds. */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

const TICK_MS = 10 // Linux USER_HZ is 100 on every mainstream kernel

/** CPU time (user + system, ms) and memory (KiB) of a process, read from /proc. */
export function procStat(pid: number): { cpuMs: number; rssKiB: number; hwmKiB: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const cpuMs = (Number(fields[11]) + Number(fields[12])) * TICK_MS
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
    return { cpuMs, rssKiB: kib('VmRSS'), hwmKiB: kib('VmHWM') }
  } catch {
    return { cpuMs: 0, rssKiB: 0, hwmKiB: 0 }
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] as number
}

/** The median; with an even count (e.g. a failed round), the mean of the two middle values. */
export function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b)
  const h = Math.floor(v.length / 2)
  if (v.length === 0) return Number.NaN
  return v.length % 2 ? (v[h] as number) : ((v[h - 1] as number) + (v[h] as number)) / 2
}

/** Node with tsx, so every bench process runs TypeScript like `askhour serve` does. */
export const NODE_ARGS = ['--import', 'tsx']

export interface Proc {
  child: ChildProcess
  pid: number
  out: () => string
  stop(): Promise<void>
}

/**
 * Starts a bench server (`node --import tsx file args`) and waits until it prints
 * `listening <port>` (bench servers) or `serving at <url>` (askhour).
 */
export async function startServer(
  args: string[],
  env: Record<string, string> = {},
  ready = /(?:listening |serving at http:\/\/[\d.]+:)(\d+)/,
): Promise<Proc & { port: number }> {
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of every server process, baselines included (written
  // when it is stopped with SIGTERM).
  const prof = process.env.BENCH_CPU_PROF
  const profile = prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []
  // BENCH_NODE_FLAGS="--trace-gc": extra node flags for every server process.
  const extra = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []
  // TypeScript entry points run under the loader; compiled ones (Askhour's dist/) as `npm start`.
  const loader = args.some((a) => a.endsWith('.ts')) ? NODE_ARGS : []
  const child = spawn(process.execPath, [...loader, ...profile, ...extra, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString()
  })
  child.stderr?.on('data', (b: Buffer) => {
    out += b.toString()
  })
  const exited = once(child, 'exit')
  while (!ready.test(out)) {
    const r = await Promise.race([
      once(child.stdout as NodeJS.ReadableStream, 'data'),
      once(child.stderr as NodeJS.ReadableStream, 'data'),
      exited.then(() => 'exit'),
    ])
    if (r === 'exit') throw new Error(`${args.join(' ')} exited before listening:\n${out}`)
  }
  const port = Number(ready.exec(out)?.[1])
  return {
    child,
    pid: child.pid as number,
    port,
    out: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      // Profiled processes get a graceful stop so V8 can write the profile.
      child.kill(process.env.BENCH_CPU_PROF ? 'SIGTERM' : 'SIGKILL')
      await exited
      if (process.env.BENCH_DEBUG) writeFileSync(`/tmp/bench-server-${child.pid}.log`, out)
    },
  }
}

/** A load generator: a forked process driven over IPC (request → one reply). */
export interface Worker {
  pid: number
  call<T>(msg: Record<string, unknown>): Promise<T>
  stop(): Promise<void>
}

export function startWorker(file: string, config: unknown): Worker {
  const child = fork(file, [JSON.stringify(config)], {
    execArgv: NODE_ARGS,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = once(child, 'exit')
  let seq = 0
  const waiting = new Map<number, (v: unknown) => void>()
  child.on('message', (m: { re: number; value: unknown }) => {
    waiting.get(m.re)?.(m.value)
    waiting.delete(m.re)
  })
  return {
    pid: child.pid as number,
    call<T>(msg: Record<string, unknown>) {
      const id = ++seq
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, resolve as (v: unknown) => void)
        child.send({ ...msg, id })
        exited.then(() => reject(new Error(`worker ${file} exited`)))
      })
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGKILL')
      await exited
    },
  }
}

/** The worker side of startWorker: answers each IPC request with the handler's result. */
export function serveRequests(handler: (msg: Record<string, unknown>) => Promise<unknown>): void {
  process.on('message', (m: Record<string, unknown>) => {
    handler(m).then(
      (value) => process.send?.({ re: m.id, value }),
      (err: unknown) => {
        console.error(err)
        process.exit(1)
      },
    )
  })
}

/** Source addresses for clients: 127.0.0.1–127.0.0.9 give 9 × 28k ephemeral ports. */
export const LOOPBACKS = Array.from({ length: 9 }, (_, i) => `127.0.0.${i + 1}`)
