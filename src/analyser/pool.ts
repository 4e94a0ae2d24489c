import { Worker } from 'node:worker_threads'
import type { Logger } from 'pino'
import type { AnalyseContext, Analysis } from '../moderation/types.ts'
import { type Analyser, inThread } from './analyser.ts'
import type { Request, Response } from './messages.ts'

interface Pending {
  text: string
  context: AnalyseContext | undefined
  resolve: (a: Analysis) => void
  reject: (err: Error) => void
}

interface Thread {
  worker: Worker
  pending: Map<number, Pending>
}

/** A thread that keeps dying is given up after this many deaths in a minute. */
const MAX_DEATHS_PER_MINUTE = 3

export interface PoolOptions {
  threads: number
  log?: Logger
  /** The worker's entry point; tests pass one that fails. */
  workerUrl?: URL
}

/**
 * Moderation analysis on worker threads, started on first use. A request goes to the thread with
 * the fewest waiting; if a thread dies, what it held is analysed on the calling thread and a new
 * thread is started, so no question waits forever or goes unanalysed. With no thread left,
 * analysis runs in-thread.
 */
export function openAnalyserPool(opts: PoolOptions): Analyser {
  const url = opts.workerUrl ?? new URL('../boot-worker.mjs', import.meta.url)
  const threads = new Set<Thread>()
  const deaths: number[] = []
  let nextId = 1
  let started = false
  let closing = false

  // Settles the caller's promise either way, so nothing is left to handle here.
  const settleHere = (p: Pending): void => {
    void inThread.analyse(p.text, p.context).then(p.resolve, p.reject)
  }

  function died(t: Thread, err?: unknown): void {
    if (!threads.delete(t)) return
    for (const p of t.pending.values()) settleHere(p)
    t.pending.clear()
    if (closing) return
    const now = Date.now()
    deaths.push(now)
    while ((deaths[0] ?? now) < now - 60_000) deaths.shift()
    if (deaths.length >= MAX_DEATHS_PER_MINUTE) {
      opts.log?.error({ err }, 'analyser thread keeps failing; analysing on the main thread')
      return
    }
    opts.log?.warn({ err }, 'analyser thread stopped; starting another')
    spawn()
  }

  function spawn(): void {
    // No inherited --import preloads: boot-worker.mjs sets up what the thread needs (see the checkpoint
    // worker in store/sqlite-checkpoint.ts).
    const t: Thread = {
      worker: new Worker(url, { execArgv: [], workerData: { entry: 'analyser/worker' } }),
      pending: new Map(),
    }
    t.worker.unref()
    t.worker.on('message', (msg: Response) => {
      const p = t.pending.get(msg.id)
      if (!p) return
      t.pending.delete(msg.id)
      // Idle threads must not keep a finished process alive.
      if (t.pending.size === 0) t.worker.unref()
      if (msg.analysis) p.resolve(msg.analysis)
      else p.reject(new Error(msg.error))
    })
    t.worker.on('error', (err) => died(t, err))
    t.worker.on('exit', (code) => died(t, new Error(`analyser thread exited with code ${code}`)))
    threads.add(t)
  }

  return {
    analyse(text, context) {
      // Threads start with the first message: a process that only serves viewers, or a chat
      // before anyone asks, does not hold a second copy of the moderation code (~40 MiB a thread).
      if (!started) {
        started = true
        for (let i = 0; i < opts.threads; i++) spawn()
      }
      let best: Thread | undefined
      for (const t of threads) if (!best || t.pending.size < best.pending.size) best = t
      if (!best) return inThread.analyse(text, context)
      const t = best
      return new Promise<Analysis>((resolve, reject) => {
        const id = nextId++
        if (t.pending.size === 0) t.worker.ref()
        t.pending.set(id, { text, context, resolve, reject })
        t.worker.postMessage({ id, text, context } satisfies Request)
      })
    },
    async close() {
      closing = true
      const all = [...threads]
      await Promise.all(all.map((t) => t.worker.terminate()))
      for (const t of all) died(t)
    },
  }
}
