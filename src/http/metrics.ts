import type { FastifyInstance } from 'fastify'
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client'
import type { AppMetrics } from '../app/deps.ts'
import type { Store } from '../store/store.ts'
import type { FeedHub } from './sse/hub.ts'

/** Prometheus metrics for one server; a registry of its own so tests can run several servers. */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({
    name: 'askhour_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  })
  const appended = new Counter({
    name: 'askhour_events_appended_total',
    help: 'Events appended to chat logs',
    registers: [registry],
  })
  const app: AppMetrics = { eventsAppended: (n) => appended.inc(n) }
  return { registry, requests, app }
}

export type Metrics = ReturnType<typeof createMetrics>

/** Counts requests, and exposes viewers and queue sizes, read when Prometheus scrapes. */
export function installMetrics(
  server: FastifyInstance,
  m: Metrics,
  hub: FeedHub,
  store: Store,
): void {
  server.addHook('onResponse', async (req, reply) => {
    m.requests.inc({
      method: req.method,
      route: req.routeOptions.url ?? 'unknown',
      status: reply.statusCode,
    })
  })
  new Gauge({
    name: 'askhour_sse_viewers',
    help: 'Open live-feed connections on this process, by chat id',
    labelNames: ['chat'],
    registers: [m.registry],
    collect() {
      this.reset()
      for (const [chat, n] of hub.viewers()) this.set({ chat }, n)
    },
  })
  new Gauge({
    name: 'askhour_questions',
    help: 'Questions in open and live chats, by chat and state',
    labelNames: ['chat', 'state'],
    registers: [m.registry],
    async collect() {
      this.reset()
      for (const r of await store.read.questions.queueSizes())
        this.set({ chat: r.chat, state: r.state }, r.n)
    },
  })
}
