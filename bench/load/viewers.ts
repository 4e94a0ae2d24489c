/**
 * Load generator: thousands of live-feed viewers in one process, driven over IPC by bench/run.ts.
 * Most viewers are raw TCP sockets that only find frame boundaries and ids (to check order,
 * duplicates and delivery, and to time the last arrival of each event); a sample parses every
 * frame's JSON like a browser would and keeps its own arrival times. `sse` speaks HTTP/1.1 SSE;
 * `sio` speaks Socket.IO (Engine.IO v4 over WebSocket; the sample uses socket.io-client itself).
 */
import { connect, Socket } from 'node:net'
import { type Socket as IoSocket, io as ioClient } from 'socket.io-client'
import WebSocket from 'ws'
import { LOOPBACKS, now, serveRequests, sleep } from '../lib/util.ts'

export interface ViewersConfig {
  kind: 'sse' | 'sio'
  /** Viewers are spread round-robin over these servers (several for scale-out). */
  targets: Array<{ port: number; path: string }>
  /** How many of the first viewers parse JSON and keep arrival times. */
  sample: number
}

interface Viewer {
  n: number
  sample: boolean
  slow: boolean
  socket: Socket | WebSocket | IoSocket | null
  rest: string
  lastId: number
  events: number
  counts: number
  bytes: number
  bad: number
  connected: boolean
  closed: boolean
  /** Sample viewers: [id, arrival] per event, arrival per counts frame. */
  arrivals: number[]
  countTimes: number[]
}

const config = JSON.parse(process.argv[2] as string) as ViewersConfig
const viewers: Viewer[] = []
/** Last (and first) arrival of each event id over every healthy viewer. */
let lastArrival = new Map<number, number>()
let firstArrival = new Map<number, number>()
let parseErrors = 0

const isCountType = (type: string) =>
  type === 'counts' || type === 'question.voted' || type === 'answer.thanked'

function onEvent(v: Viewer, id: number, type: string, t: number) {
  if (id <= v.lastId) v.bad++
  v.lastId = id
  if (isCountType(type)) {
    v.counts++
    if (v.sample) v.countTimes.push(t)
    return
  }
  v.events++
  if (v.sample) v.arrivals.push(id, t)
  if (v.slow) return
  if ((lastArrival.get(id) ?? 0) < t) lastArrival.set(id, t)
  if (!firstArrival.has(id)) firstArrival.set(id, t)
}

/** Finds complete SSE frames (`\n\n`-terminated) in what arrived; keeps the unfinished tail. */
function onSseData(v: Viewer, buf: Buffer) {
  const t = now()
  v.bytes += buf.length
  const s = v.rest ? v.rest + buf.toString('latin1') : buf.toString('latin1')
  if (!v.connected) {
    if (!s.startsWith('HTTP/1.1 200')) {
      v.socket && (v.socket as Socket).destroy()
      return
    }
    v.connected = true
  }
  let start = 0
  for (;;) {
    const end = s.indexOf('\n\n', start)
    if (end < 0) break
    frame(v, s, start, end, t)
    start = end + 2
  }
  v.rest = start < s.length ? s.slice(start) : ''
}

function frame(v: Viewer, s: string, start: number, end: number, t: number) {
  let p = s.startsWith('id: ', start) ? start : s.indexOf('\nid: ', start) + 1
  if (p <= 0 || p > end) return
  p += 4
  let id = 0
  for (let c = s.charCodeAt(p); c >= 48 && c <= 57; c = s.charCodeAt(++p)) id = id * 10 + c - 48
  const e = s.indexOf('\nevent: ', p)
  const type = e > 0 && e < end ? s.slice(e + 8, s.indexOf('\n', e + 8)) : 'message'
  if (v.sample) {
    const d = s.indexOf('\ndata: ', p)
    try {
      const data = JSON.parse(s.slice(d + 7, end)) as Record<string, unknown>
      if (typeof data !== 'object') parseErrors++
    } catch {
      parseErrors++
    }
  }
  onEvent(v, id, type, t)
}

function onSioMessage(v: Viewer, raw: WebSocket.RawData) {
  const t = now()
  const s = raw.toString()
  v.bytes += s.length
  if (s === '2') {
    ;(v.socket as WebSocket).send('3')
    return
  }
  if (s.startsWith('0')) {
    ;(v.socket as WebSocket).send('40')
    return
  }
  if (s.startsWith('40')) {
    v.connected = true
    return
  }
  if (!s.startsWith('42["e",')) return
  let p = 7
  let id = 0
  for (let c = s.charCodeAt(p); c >= 48 && c <= 57; c = s.charCodeAt(++p)) id = id * 10 + c - 48
  const type = s.slice(p + 2, s.indexOf('"', p + 2))
  onEvent(v, id, type, t)
}

function open(v: Viewer, lastEventId: number | null): Promise<void> {
  const target = config.targets[v.n % config.targets.length] as { port: number; path: string }
  const localAddress = LOOPBACKS[v.n % LOOPBACKS.length] as string
  v.connected = false
  v.closed = false
  v.rest = ''
  return new Promise<void>((resolve) => {
    let settled = false
    const done = () => {
      if (settled) return
      settled = true
      resolve()
    }
    if (config.kind === 'sse') {
      const socket = connect({ host: '127.0.0.1', port: target.port, localAddress })
      v.socket = socket
      socket.setNoDelay(true)
      socket.on('connect', () => {
        const resume = lastEventId === null ? '' : `Last-Event-ID: ${lastEventId}\r\n`
        socket.write(
          `GET ${target.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n${resume}\r\n`,
        )
      })
      socket.on('data', (b: Buffer) => {
        onSseData(v, b)
        if (v.connected) {
          if (v.slow && !drainingSlow) socket.pause()
          done()
        }
      })
      socket.on('error', () => {})
      socket.on('close', () => {
        // A dropped socket closes after its replacement opened: only the current one counts.
        if (v.socket === socket) v.closed = true
        done()
      })
      return
    }
    if (v.sample) {
      const s = ioClient(`http://127.0.0.1:${target.port}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      })
      v.socket = s
      s.on('connect', () => {
        v.connected = true
        done()
      })
      s.on('e', (id: number, type: string, data: unknown) => {
        if (typeof data !== 'object') parseErrors++
        v.bytes += 1
        onEvent(v, id, type, now())
      })
      s.on('disconnect', () => {
        v.closed = true
        done()
      })
      s.on('connect_error', () => {
        v.closed = true
        done()
      })
      return
    }
    const ws = new WebSocket(`ws://127.0.0.1:${target.port}/socket.io/?EIO=4&transport=websocket`, {
      localAddress,
      perMessageDeflate: false,
    })
    v.socket = ws
    ws.on('message', (raw) => {
      onSioMessage(v, raw)
      if (v.connected) {
        if (v.slow && !drainingSlow) ws.pause()
        done()
      }
    })
    ws.on('error', () => {})
    ws.on('close', () => {
      if (v.socket === ws) v.closed = true
      done()
    })
  })
}

/** Opens viewers in waves, so the servers' accept queues never overflow. */
async function openAll(list: Viewer[], resume: boolean, wave = 250): Promise<number> {
  const started = now()
  for (let i = 0; i < list.length; i += wave) {
    await Promise.all(list.slice(i, i + wave).map((v) => open(v, resume ? v.lastId : null)))
  }
  return now() - started
}

function close(v: Viewer) {
  const s = v.socket
  if (!s) return
  if (s instanceof Socket) s.destroy()
  else if (s instanceof WebSocket) s.terminate()
  else s.disconnect()
}

/** Set by 'drainSlow': slow viewers read on from then. */
let drainingSlow = false

const sum = (f: (v: Viewer) => number, list = viewers) => list.reduce((a, v) => a + f(v), 0)

serveRequests(async (msg) => {
  switch (msg.cmd) {
    case 'connect': {
      const n = msg.n as number
      const slowFraction = (msg.slowFraction as number | undefined) ?? 0
      const base = viewers.length
      // Slow viewers are spread evenly over the non-sample viewers: n × slowFraction of them.
      const slowCount = Math.round(n * slowFraction)
      const outside = Math.max(0, base + n - Math.max(base, config.sample))
      const step = slowCount > 0 ? Math.max(1, Math.floor(outside / slowCount)) : 0
      const fresh: Viewer[] = []
      for (let i = 0; i < n; i++) {
        const k = base + i
        fresh.push({
          n: k,
          sample: k < config.sample,
          slow:
            step > 0 &&
            k >= config.sample &&
            (k - config.sample) % step === step - 1 &&
            Math.floor((k - config.sample) / step) < slowCount,
          socket: null,
          rest: '',
          lastId: 0,
          events: 0,
          counts: 0,
          bytes: 0,
          bad: 0,
          connected: false,
          closed: false,
          arrivals: [],
          countTimes: [],
        })
      }
      viewers.push(...fresh)
      const ms = await openAll(fresh, false)
      return { ms, connected: fresh.filter((v) => v.connected && !v.closed).length }
    }
    case 'progress': {
      const healthy = viewers.filter((v) => !v.slow && !v.closed)
      return {
        events: sum((v) => v.events, healthy),
        counts: sum((v) => v.counts, healthy),
        open: healthy.length,
      }
    }
    case 'reset': {
      lastArrival = new Map()
      firstArrival = new Map()
      for (const v of viewers) {
        v.events = 0
        v.counts = 0
        v.bytes = 0
        v.bad = 0
        v.arrivals = []
        v.countTimes = []
      }
      return true
    }
    case 'drop': {
      // Every viewer loses its connection at once, then reconnects with Last-Event-ID.
      const healthy = viewers.filter((v) => !v.slow)
      const started = now()
      for (const v of healthy) close(v)
      const ms = await openAll(healthy, true)
      return { started, ms, reconnected: healthy.filter((v) => v.connected && !v.closed).length }
    }
    case 'report': {
      const healthy = viewers.filter((v) => !v.slow)
      const perViewer = healthy.map((v) => v.events)
      return {
        viewers: viewers.length,
        healthy: healthy.length,
        open: sum((v) => (v.closed ? 0 : 1)),
        events: sum((v) => v.events, healthy),
        counts: sum((v) => v.counts, healthy),
        bytes: sum((v) => v.bytes),
        bad: sum((v) => v.bad, healthy),
        minEvents: Math.min(...perViewer),
        maxEvents: Math.max(...perViewer),
        lastIds: [...new Set(healthy.map((v) => v.lastId))].slice(0, 5),
        parseErrors,
        lastArrival: [...lastArrival],
        firstArrival: [...firstArrival],
        sample: viewers
          .filter((v) => v.sample)
          .map((v) => ({ arrivals: v.arrivals, countTimes: v.countTimes })),
        cpuMs: (() => {
          const u = process.cpuUsage()
          return (u.user + u.system) / 1000
        })(),
        rssKiB: Math.round(process.memoryUsage().rss / 1024),
      }
    }
    case 'drainSlow': {
      // A server drops a stalled viewer by closing its socket, but the close (FIN) waits in the
      // kernel behind the megabytes it never read: only reading on shows whether it was dropped.
      // Call after 'report', since these late arrivals would skew the arrival times.
      const slow = viewers.filter((v) => v.slow)
      const readWhileStalled = sum((v) => v.bytes, slow) / Math.max(1, slow.length)
      let lastData = now()
      drainingSlow = true
      const touch = () => {
        lastData = now()
      }
      for (const v of slow) {
        const s = v.socket
        if (s instanceof Socket) s.on('data', touch).resume()
        else if (s instanceof WebSocket) s.on('message', touch).resume()
      }
      while (slow.some((v) => !v.closed) && now() - lastData < 2000) await sleep(50)
      return {
        slow: slow.length,
        dropped: sum((v) => (v.closed ? 1 : 0), slow),
        stillOpen: sum((v) => (v.closed ? 0 : 1), slow),
        readWhileStalled,
      }
    }
    case 'close': {
      for (const v of viewers) close(v)
      return true
    }
    default:
      throw new Error(`unknown command ${String(msg.cmd)}`)
  }
})
