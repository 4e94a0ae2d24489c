/**
 * The servers a case runs against, each in its own process: Askhour (`askhour serve`, driven
 * through its public JSON API) and the baselines. Every target publishes "event k" the same way
 * from the bench's point of view: an HTTP POST whose send time is the publish time.
 */
import { Agent, request } from 'node:http'
import { CHAT, hostSession, prepareDatabase, serveAskhour } from './lib/askhour.ts'
import { type Proc, startServer } from './lib/util.ts'

export type TargetName = 'raw' | 'batched' | 'sio' | 'askhour' | 'raw-ingest'

export interface Target {
  name: string
  kind: 'sse' | 'sio'
  pids: number[]
  ports: number[]
  /** The viewer stream path on every port. */
  path: string
  /** Publishes the k-th feed event (k from 0; questions are prepared by `prepare`). */
  publish(k: number): Promise<void>
  /** Readies `n` events to publish (Askhour: n pending questions asked by visitors). */
  prepare(n: number, pad?: number): Promise<void>
  /** Path of a vote on question i of 200 (prepared by `prepareVotes`). */
  votePaths(): string[]
  prepareVotes(questions: number): Promise<void>
  /** Path to POST questions to (ingest). */
  askPath: string
  /** JSON.stringify calls so far in the server (Askhour with the probe only). */
  stringifyCalls(): Promise<number | null>
  stop(): Promise<void>
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 })

function postJson(port: number, path: string, body: unknown): Promise<void> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        res.resume()
        res.on('end', () =>
          (res.statusCode ?? 0) < 300 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`)),
        )
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

const text = (k: number, pad = 0) =>
  `Bench question ${k}: does my exempt dog need a muzzle in the car?${' More detail.'.repeat(pad)}`.slice(
    0,
    1990,
  )

async function baseline(
  name: 'raw' | 'batched' | 'sio',
  env: Record<string, string>,
): Promise<Target> {
  const proc =
    name === 'sio'
      ? await startServer(['bench/servers/socketio.ts'], env)
      : await startServer(['bench/servers/raw-sse.ts', name], env)
  let pad = 0
  return {
    name,
    kind: name === 'sio' ? 'sio' : 'sse',
    pids: [proc.pid],
    ports: [proc.port],
    path: '/events',
    askPath: '/',
    publish: (k) => postJson(proc.port, '/publish', { text: text(k, pad) }),
    async prepare(_n, p = 0) {
      pad = p
    },
    votePaths: () => Array.from({ length: 200 }, (_, i) => `/vote/q${i}`),
    async prepareVotes() {},
    stringifyCalls: async () => null,
    stop: () => proc.stop(),
  }
}

async function rawIngest(): Promise<Target> {
  const db = await prepareDatabase('sqlite')
  const proc = await startServer(['bench/servers/raw-ingest.ts', `${db.url}.raw`])
  return {
    name: 'raw-ingest',
    kind: 'sse',
    pids: [proc.pid],
    ports: [proc.port],
    path: '/',
    askPath: '/questions',
    publish: async () => {},
    prepare: async () => {},
    votePaths: () => [],
    prepareVotes: async () => {},
    stringifyCalls: async () => null,
    async stop() {
      await proc.stop()
      await db.drop()
    },
  }
}

/** Reads the probe's counter: SIGUSR2, then the line it prints on stderr. */
async function readProbe(proc: Proc): Promise<number> {
  const before = proc.out().length
  proc.child.kill('SIGUSR2')
  for (let i = 0; i < 100; i++) {
    const m = /stringify-calls (\d+)/.exec(proc.out().slice(before))
    if (m) return Number(m[1])
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('probe did not answer')
}

/**
 * Askhour: `processes` × `askhour serve` over one database (SQLite for one process; PostgreSQL
 * and Redis for scale-out). The host signs in on the first process and approves there.
 */
export async function askhour(
  opts: {
    processes?: number
    scaleOut?: boolean
    env?: Record<string, string>
    probe?: boolean
  } = {},
): Promise<Target> {
  const scale = opts.scaleOut ?? false
  const db = await prepareDatabase(scale ? 'postgres' : 'sqlite')
  const env: Record<string, string> = { DATABASE_URL: db.url, ...opts.env }
  if (scale) {
    env.REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
    env.REDIS_PREFIX = `askhour-bench-${process.pid}-${Date.now()}:`
  }
  const procs: Array<Proc & { port: number }> = []
  try {
    for (let i = 0; i < (opts.processes ?? 1); i++) procs.push(await serveAskhour(env, opts.probe))
  } catch (err) {
    for (const p of procs) await p.stop()
    await db.drop()
    throw err
  }
  const first = procs[0] as Proc & { port: number }
  const base = `http://127.0.0.1:${first.port}`
  const host = await hostSession(base)
  let queue: string[] = []
  let voteIds: string[] = []
  let batch = 0
  let cursor = 0
  return {
    name: scale ? `askhour×${procs.length}` : 'askhour',
    kind: 'sse',
    pids: procs.map((p) => p.pid),
    ports: procs.map((p) => p.port),
    path: `/api/v1/chats/${CHAT}/events`,
    askPath: `/api/v1/chats/${CHAT}/questions`,
    async prepare(n, pad = 0) {
      queue = await host.ask(n, `b${batch++}`, pad)
      cursor = 0
    },
    async publish() {
      const id = queue[cursor++]
      if (!id) throw new Error('publish: no prepared question left')
      await host.approve(id)
    },
    async prepareVotes(questions) {
      voteIds = await host.ask(questions, 'votes')
      for (const id of voteIds) await host.approve(id)
    },
    votePaths: () => voteIds.map((id) => `/api/v1/questions/${id}/votes`),
    stringifyCalls: async () => (opts.probe ? readProbe(first) : null),
    async stop() {
      for (const p of procs) await p.stop()
      await db.drop()
    },
  }
}

export function startTarget(name: TargetName, env: Record<string, string> = {}): Promise<Target> {
  if (name === 'askhour') return askhour({ env, probe: true })
  if (name === 'raw-ingest') return rawIngest()
  return baseline(name, env)
}

export { CHAT }
