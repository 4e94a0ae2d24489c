import { writeFileSync } from 'node:fs'
/**
 * The benchmark cases of issue 5. Each `run*` function measures ONE target once (fresh server
 * processes, fresh load generators) and returns flat metrics; bench/run.ts interleaves targets
 * (A B C A B C …), takes medians and turns them into ratios against the baselines.
 */

import { now, percentile, procStat, sleep, startWorker, type Worker } from './lib/util.ts'
import { askhour, startTarget, type Target, type TargetName } from './targets.ts'

export type Metrics = Record<string, number>

export interface Params {
  fanoutSizes: number[]
  fanoutEvents: number
  fanoutHz: number
  voteViewers: number
  voteRates: number[]
  voteSeconds: number
  ingestSeconds: number
  ingestConcurrency: number
  memoryViewers: number
  memoryEvents: number
  slowViewers: number
  slowEvents: number
  slowHz: number
  slowPad: number
  slowCapBytes: number
  reconnectViewers: number
  reconnectEvents: number
  scaleViewers: number
  scaleEvents: number
}

export const FULL: Params = {
  fanoutSizes: [1000, 5000],
  fanoutEvents: 150,
  fanoutHz: 4,
  voteViewers: 5000,
  voteRates: [500, 2000],
  voteSeconds: 8,
  ingestSeconds: 8,
  ingestConcurrency: 32,
  memoryViewers: 10_000,
  memoryEvents: 20,
  // Loopback's kernel buffers take ~4 MB per stalled socket before the server's own buffer grows
  // at all (measured: a raw server drops a stalled viewer after ~2,000 frames of 2.2 KB), so a
  // slow viewer is sent 3,000 frames (~6.6 MB) to be sure to pass the cap.
  slowViewers: 500,
  slowEvents: 3000,
  slowHz: 100,
  slowPad: 150,
  slowCapBytes: 65_536,
  reconnectViewers: 5000,
  reconnectEvents: 60,
  scaleViewers: 2000,
  scaleEvents: 100,
}

export const QUICK: Params = {
  ...FULL,
  fanoutSizes: [300, 1000],
  fanoutEvents: 40,
  fanoutHz: 8,
  voteViewers: 1000,
  voteSeconds: 4,
  ingestSeconds: 4,
  memoryViewers: 2000,
  memoryEvents: 10,
  slowViewers: 200,
  reconnectViewers: 1000,
  reconnectEvents: 32,
  scaleViewers: 500,
  scaleEvents: 40,
}

const SAMPLE = 100
const WARMUP = 5
const VOTE_WARMUP_MS = 2000

function viewers(t: Target, sample = SAMPLE): Worker {
  return startWorker('bench/load/viewers.ts', {
    kind: t.kind,
    targets: t.ports.map((port) => ({ port, path: t.path })),
    sample,
  })
}

const cpu = (pids: number[]) => pids.reduce((a, p) => a + procStat(p).cpuMs, 0)
const rssKiB = (pids: number[]) => pids.reduce((a, p) => a + procStat(p).rssKiB, 0)
const hwmKiB = (pids: number[]) => pids.reduce((a, p) => a + procStat(p).hwmKiB, 0)

/** Publishes `count` events at `hz`, each awaited (so their order is the log order). */
async function publishPaced(
  t: Target,
  count: number,
  hz: number,
  during?: (k: number) => void,
): Promise<number[]> {
  const sent: number[] = []
  const started = now()
  acks = []
  for (let k = 0; k < count; k++) {
    const due = started + (k * 1000) / hz
    const wait = due - now()
    if (wait > 0) await sleep(wait)
    during?.(k)
    const at = now()
    sent.push(at)
    await t.publish(k)
    acks.push(now() - at)
  }
  return sent
}

/** How long each publish POST of the last publishPaced took to be answered (Askhour: the commit). */
let acks: number[] = []

interface Progress {
  events: number
  open: number
}

/** Waits until every open healthy viewer has `perViewer` events (or the timeout passes). */
async function delivered(gen: Worker, perViewer: number, timeoutMs = 15_000): Promise<void> {
  const until = now() + timeoutMs
  while (now() < until) {
    const p = await gen.call<Progress>({ cmd: 'progress' })
    if (p.events >= perViewer * p.open) return
    await sleep(100)
  }
}

interface Report {
  viewers: number
  healthy: number
  open: number
  events: number
  counts: number
  bytes: number
  bad: number
  minEvents: number
  maxEvents: number
  parseErrors: number
  lastArrival: Array<[number, number]>
  firstArrival: Array<[number, number]>
  sample: Array<{ arrivals: number[]; countTimes: number[] }>
}

/**
 * Turns what the viewers saw into latencies. Events are published one at a time, so the k-th
 * smallest id seen is the k-th event published.
 */
function latencies(r: Report, sent: number[]) {
  const ids = r.lastArrival.map(([id]) => id).sort((a, b) => a - b)
  const index = new Map(ids.map((id, k) => [id, k]))
  const last = new Map(r.lastArrival)
  const toLast = ids.map((id, k) => (last.get(id) as number) - (sent[k] as number))
  const first = new Map(r.firstArrival)
  const toFirst = ids.map((id, k) => (first.get(id) as number) - (sent[k] as number))
  const perDelivery: number[] = []
  for (const s of r.sample) {
    for (let i = 0; i < s.arrivals.length; i += 2) {
      const k = index.get(s.arrivals[i] as number)
      if (k !== undefined) perDelivery.push((s.arrivals[i + 1] as number) - (sent[k] as number))
    }
  }
  if (process.env.BENCH_DEBUG) {
    const file = `/tmp/bench-debug-${Date.now()}.json`
    writeFileSync(file, JSON.stringify({ sent, acks, toLast, toFirst }))
  }
  return {
    eventsSeen: ids.length,
    lastViewerP50: percentile(toLast, 50),
    lastViewerP99: percentile(toLast, 99),
    lastViewerMax: Math.max(...toLast),
    firstViewerP99: percentile(toFirst, 99),
    publishAckP50: percentile(acks, 50),
    publishAckP99: percentile(acks, 99),
    sampleP50: percentile(perDelivery, 50),
    sampleP99: percentile(perDelivery, 99),
  }
}

function correctness(r: Report, published: number): Metrics {
  return {
    deliveredPct: (100 * r.events) / Math.max(1, r.healthy * published),
    outOfOrderOrDuplicate: r.bad,
    minEventsPerViewer: r.minEvents,
    maxEventsPerViewer: r.maxEvents,
    viewersOpen: r.open,
    parseErrors: r.parseErrors,
  }
}

/** fan-out: for each size, connect viewers, publish events at a steady rate, time the last viewer. */
export async function runFanout(name: TargetName, p: Params): Promise<Record<string, Metrics>> {
  const t = await startTarget(name)
  const gen = viewers(t)
  const out: Record<string, Metrics> = {}
  try {
    await t.prepare((p.fanoutEvents + WARMUP) * p.fanoutSizes.length)
    let connected = 0
    for (const size of p.fanoutSizes) {
      const rssBefore = rssKiB(t.pids)
      const c = await gen.call<{ ms: number; connected: number }>({
        cmd: 'connect',
        n: size - connected,
      })
      connected = size
      // A few unmeasured events first, so no target is timed while its code is still cold.
      await gen.call({ cmd: 'reset' })
      await publishPaced(t, WARMUP, p.fanoutHz)
      await delivered(gen, WARMUP)
      await sleep(1000)
      const rssAfter = rssKiB(t.pids)
      await gen.call({ cmd: 'reset' })
      const s0 = cpu(t.pids)
      const g0 = procStat(gen.pid).cpuMs
      const j0 = await t.stringifyCalls()
      const sent = await publishPaced(t, p.fanoutEvents, p.fanoutHz)
      await delivered(gen, p.fanoutEvents)
      const j1 = await t.stringifyCalls()
      const serverCpu = cpu(t.pids) - s0
      const genCpu = procStat(gen.pid).cpuMs - g0
      const r = await gen.call<Report>({ cmd: 'report' })
      const deliveries = r.events
      out[`${size}`] = {
        viewers: size,
        connectMs: c.ms,
        ...latencies(r, sent),
        ...correctness(r, p.fanoutEvents),
        serverCpuMs: serverCpu,
        generatorCpuMs: genCpu,
        serverCpuUsPerDelivery: (serverCpu * 1000) / Math.max(1, deliveries),
        bytesPerDelivery: r.bytes / Math.max(1, deliveries),
        // Only the viewers added in this phase.
        rssPerViewerKiB: (rssAfter - rssBefore) / Math.max(1, c.connected),
        ...(j0 !== null && j1 !== null
          ? {
              stringifyPerEvent: (j1 - j0) / p.fanoutEvents,
              stringifyPerDelivery: (j1 - j0) / deliveries,
            }
          : {}),
      }
    }
  } finally {
    await gen.call({ cmd: 'close' }).catch(() => {})
    await gen.stop()
    await t.stop()
  }
  return out
}

/** memory: RSS added per connected viewer, and the total with many viewers. */
export async function runMemory(name: TargetName, p: Params): Promise<Record<string, Metrics>> {
  const t = await startTarget(name)
  const gen = viewers(t, 10)
  try {
    await t.prepare(p.memoryEvents)
    await sleep(500)
    const before = rssKiB(t.pids)
    const c = await gen.call<{ ms: number; connected: number }>({
      cmd: 'connect',
      n: p.memoryViewers,
    })
    await publishPaced(t, p.memoryEvents, 4)
    await delivered(gen, p.memoryEvents)
    await sleep(1000)
    const after = rssKiB(t.pids)
    const r = await gen.call<Report>({ cmd: 'report' })
    return {
      [`${p.memoryViewers}`]: {
        viewers: c.connected,
        rssBeforeMiB: before / 1024,
        rssMiB: after / 1024,
        peakRssMiB: hwmKiB(t.pids) / 1024,
        rssPerViewerKiB: (after - before) / Math.max(1, c.connected),
        ...correctness(r, p.memoryEvents),
        generatorRssMiB: procStat(gen.pid).rssKiB / 1024,
      },
    }
  } finally {
    await gen.call({ cmd: 'close' }).catch(() => {})
    await gen.stop()
    await t.stop()
  }
}

/** slow consumers: 5% of viewers stop reading; big frames so their buffers fill. */
export async function runSlow(
  name: TargetName,
  p: Params,
  slowFraction: number,
): Promise<Record<string, Metrics>> {
  const cap = String(p.slowCapBytes)
  const t = await startTarget(name, { SSE_MAX_BUFFER_BYTES: cap, MAX_BUFFER: cap })
  const gen = viewers(t)
  try {
    await t.prepare(p.slowEvents, p.slowPad)
    await gen.call({ cmd: 'connect', n: p.slowViewers, slowFraction })
    await sleep(1000)
    const rss0 = rssKiB(t.pids)
    const s0 = cpu(t.pids)
    const sent = await publishPaced(t, p.slowEvents, p.slowHz)
    await delivered(gen, p.slowEvents)
    const r = await gen.call<Report>({ cmd: 'report' })
    const d = await gen.call<{ slow: number; stillOpen: number; readWhileStalled: number }>({
      cmd: 'drainSlow',
    })
    if (process.env.BENCH_DEBUG) process.stderr.write(`slow viewers: ${JSON.stringify(d)}\n`)
    return {
      slow: {
        slowViewers: d.slow,
        slowStillConnected: d.stillOpen,
        ...latencies(r, sent),
        ...correctness(r, p.slowEvents),
        serverCpuMs: cpu(t.pids) - s0,
        rssStartMiB: rss0 / 1024,
        peakRssMiB: hwmKiB(t.pids) / 1024,
        rssEndMiB: rssKiB(t.pids) / 1024,
        frameBytes: r.bytes / Math.max(1, r.events + r.viewers),
      },
    }
  } finally {
    await gen.call({ cmd: 'close' }).catch(() => {})
    await gen.stop()
    await t.stop()
  }
}

/** reconnect storm: every viewer drops at once mid-chat and resumes with Last-Event-ID. */
export async function runReconnect(name: TargetName, p: Params): Promise<Record<string, Metrics>> {
  const t = await startTarget(name)
  const gen = viewers(t)
  try {
    await t.prepare(p.reconnectEvents)
    await gen.call({ cmd: 'connect', n: p.reconnectViewers })
    await sleep(1000)
    const s0 = cpu(t.pids)
    let storm: Promise<{ started: number; ms: number; reconnected: number }> | null = null
    const dropAt = Math.floor(p.reconnectEvents / 3)
    const sent = await publishPaced(t, p.reconnectEvents, 4, (k) => {
      if (k === dropAt) storm = gen.call({ cmd: 'drop' })
    })
    const s = await (storm as unknown as Promise<{
      started: number
      ms: number
      reconnected: number
    }>)
    await delivered(gen, p.reconnectEvents)
    const r = await gen.call<Report>({ cmd: 'report' })
    const missed = r.healthy * p.reconnectEvents - r.events
    return {
      storm: {
        viewers: r.healthy,
        reconnected: s.reconnected,
        reconnectAllMs: s.ms,
        missed: Math.max(0, missed),
        duplicatedOrOutOfOrder: r.bad,
        ...latencies(r, sent),
        ...correctness(r, p.reconnectEvents),
        serverCpuMs: cpu(t.pids) - s0,
      },
    }
  } finally {
    await gen.call({ cmd: 'close' }).catch(() => {})
    await gen.stop()
    await t.stop()
  }
}

interface PostSummary {
  sent: number
  ok: number
  statuses: Record<string, number>
  perSecond: number
  p50: number
  p99: number
  max: number
  ms: number
}

/** vote storm: votes at each rate over 200 questions while viewers watch the counts. */
export async function runVotes(name: TargetName, p: Params): Promise<Record<string, Metrics>> {
  const t = await startTarget(name)
  const gen = viewers(t)
  const posts = startWorker('bench/load/posts.ts', { port: t.ports[0] })
  const out: Record<string, Metrics> = {}
  try {
    await t.prepareVotes(200)
    await gen.call({ cmd: 'connect', n: p.voteViewers })
    await sleep(1000)
    // Warm-up, unmeasured: the first second of votes after thousands of connections pays for the
    // JIT and the first collections of the viewers' garbage, in every target alike.
    await posts.call<PostSummary>({
      cmd: 'rate',
      rate: p.voteRates[0] ?? 500,
      durationMs: VOTE_WARMUP_MS,
      spec: { paths: t.votePaths(), body: 'empty', visitors: p.voteViewers },
    })
    for (const rate of p.voteRates) {
      await gen.call({ cmd: 'reset' })
      const s0 = cpu(t.pids)
      const g0 = procStat(gen.pid).cpuMs + procStat(posts.pid).cpuMs
      const started = now()
      const v = await posts.call<PostSummary>({
        cmd: 'rate',
        rate,
        durationMs: p.voteSeconds * 1000,
        spec: { paths: t.votePaths(), body: 'empty', visitors: p.voteViewers },
      })
      await sleep(600) // the last coalesced frame
      const r = await gen.call<Report>({ cmd: 'report' })
      const seconds = (now() - started) / 1000
      // Frames per viewer per second: the worst whole second any sample viewer saw.
      let worst = 0
      for (const s of r.sample) {
        const buckets = new Map<number, number>()
        for (const ts of s.countTimes) {
          const b = Math.floor((ts - started) / 1000)
          buckets.set(b, (buckets.get(b) ?? 0) + 1)
        }
        for (const n of buckets.values()) worst = Math.max(worst, n)
      }
      out[`${rate}/s`] = {
        rate,
        votesOk: v.ok,
        votesFailed: v.sent - v.ok,
        votesPerSecond: v.perSecond,
        voteP50: v.p50,
        voteP99: v.p99,
        voteMax: v.max,
        framesPerViewerPerSecond: r.counts / Math.max(1, r.healthy) / seconds,
        worstFramesInOneSecond: worst,
        viewersOpen: r.open,
        outOfOrderOrDuplicate: r.bad,
        serverCpuMs: cpu(t.pids) - s0,
        generatorCpuMs: procStat(gen.pid).cpuMs + procStat(posts.pid).cpuMs - g0,
      }
    }
  } finally {
    await gen.call({ cmd: 'close' }).catch(() => {})
    await gen.stop()
    await posts.stop()
    await t.stop()
  }
  return out
}

/** ingest: visitors ask as fast as the server takes them (moderation runs on every question). */
export async function runIngest(name: TargetName, p: Params): Promise<Record<string, Metrics>> {
  const t = await startTarget(name)
  const posts = startWorker('bench/load/posts.ts', { port: t.ports[0] })
  try {
    const s0 = cpu(t.pids)
    const g0 = procStat(posts.pid).cpuMs
    const v = await posts.call<PostSummary>({
      cmd: 'closed',
      concurrency: p.ingestConcurrency,
      durationMs: p.ingestSeconds * 1000,
      // Askers loaded the chat page first, so each holds a visitor cookie (one of 5,000).
      spec: { paths: [t.askPath], body: 'question', visitors: 5000 },
    })
    return {
      ingest: {
        questionsPerSecond: v.perSecond,
        ok: v.ok,
        failed: v.sent - v.ok,
        p50: v.p50,
        p99: v.p99,
        serverCpuMs: cpu(t.pids) - s0,
        generatorCpuMs: procStat(posts.pid).cpuMs - g0,
      },
    }
  } finally {
    await posts.stop()
    await t.stop()
  }
}

/** scale-out: N processes over PostgreSQL + Redis; viewers spread over them; host on process 1. */
export async function runScale(processes: number, p: Params): Promise<Record<string, Metrics>> {
  const t = await askhour({ processes, scaleOut: true })
  const gen = viewers(t)
  try {
    await t.prepare(p.scaleEvents)
    await gen.call({ cmd: 'connect', n: p.scaleViewers })
    await sleep(1000)
    const s0 = cpu(t.pids)
    const g0 = procStat(gen.pid).cpuMs
    const sent = await publishPaced(t, p.scaleEvents, 4)
    await delivered(gen, p.scaleEvents)
    const serverCpu = cpu(t.pids) - s0
    const r = await gen.call<Report>({ cmd: 'report' })
    return {
      [`${processes}`]: {
        processes,
        ...latencies(r, sent),
        ...correctness(r, p.scaleEvents),
        serverCpuMs: serverCpu,
        serverCpuUsPerDelivery: (serverCpu * 1000) / Math.max(1, r.events),
        generatorCpuMs: procStat(gen.pid).cpuMs - g0,
      },
    }
  } finally {
    await gen.call({ cmd: 'close' }).catch(() => {})
    await gen.stop()
    await t.stop()
  }
}
