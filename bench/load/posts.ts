/**
 * Load generator: HTTP POSTs over keep-alive connections, driven over IPC by bench/run.ts.
 * `rate` is open-loop (requests leave on schedule whatever the replies do, and latency counts from
 * the scheduled time, so a stalled server cannot hide its queue); `closed` keeps `concurrency`
 * requests in flight for the highest throughput.
 */
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { now, percentile, serveRequests, sleep } from '../lib/util.ts'

export interface PostsConfig {
  port: number
}

const config = JSON.parse(process.argv[2] as string) as PostsConfig
const agent = new Agent({ keepAlive: true, maxSockets: 256 })

const texts = readFileSync(
  new URL('../../test/fixtures/moderation/dev.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; kind: string })
  .filter((r) => r.kind === 'question')
  .map((r) => r.text)

interface Spec {
  /** Paths are used round-robin. */
  paths: string[]
  /** `question`: a realistic question text with a unique idempotency key; `empty`: `{}`. */
  body: 'question' | 'empty'
  /**
   * Votes and questions come from viewers, whose browsers hold the visitor cookie the chat page
   * set: each request carries one of this many, never the same one twice on a path.
   */
  visitors?: number
}

let n = 0
function post(spec: Spec): Promise<number> {
  const i = n++
  const path = spec.paths[i % spec.paths.length] as string
  const visitor = spec.visitors ? Math.floor(i / spec.paths.length) % spec.visitors : null
  const payload =
    spec.body === 'question' ? JSON.stringify({ text: `${texts[i % texts.length]} (#${i})` }) : '{}'
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: config.port,
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(spec.body === 'question' ? { 'idempotency-key': `bench-${process.pid}-${i}` } : {}),
          ...(visitor === null
            ? {}
            : {
                cookie: `askhour_visitor=bench${process.pid}v${String(visitor).padStart(8, '0')}`,
              }),
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', () => resolve(0))
    req.end(payload)
  })
}

function summary(lat: number[], statuses: Map<number, number>, ms: number) {
  const ok = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((a, [, c]) => a + c, 0)
  const cpu = process.cpuUsage()
  return {
    sent: lat.length,
    ok,
    statuses: Object.fromEntries(statuses),
    perSecond: (ok / ms) * 1000,
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    max: Math.max(...lat),
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
  }
}

serveRequests(async (msg) => {
  const spec = msg.spec as Spec
  const durationMs = msg.durationMs as number
  const lat: number[] = []
  const statuses = new Map<number, number>()
  const record = (status: number, from: number) => {
    lat.push(now() - from)
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
  }
  if (msg.cmd === 'rate') {
    const rate = msg.rate as number
    const started = now()
    const inflight: Promise<void>[] = []
    let sent = 0
    while (now() - started < durationMs) {
      const due = Math.floor(((now() - started) * rate) / 1000)
      for (; sent < due; sent++) {
        const at = started + (sent * 1000) / rate
        inflight.push(post(spec).then((s) => record(s, at)))
      }
      await sleep(2)
    }
    await Promise.all(inflight)
    return summary(lat, statuses, now() - started)
  }
  if (msg.cmd === 'closed') {
    const concurrency = msg.concurrency as number
    const started = now()
    const loop = async () => {
      while (now() - started < durationMs) {
        const t = now()
        record(await post(spec), t)
      }
    }
    await Promise.all(Array.from({ length: concurrency }, loop))
    return summary(lat, statuses, now() - started)
  }
  throw new Error(`unknown command ${String(msg.cmd)}`)
})
