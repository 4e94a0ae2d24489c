import type { FastifyInstance } from 'fastify'
import type { Store } from '../store/store.ts'
import type { Metrics } from './metrics.ts'

/** Liveness, readiness and metrics for the operator (outside /api, not in the OpenAPI document). */
export function installOps(
  app: FastifyInstance,
  store: Store,
  metrics: Metrics,
  isDraining: () => boolean,
): void {
  app.get('/healthz', async () => ({ status: 'ok' }))
  app.get('/readyz', async (_req, reply) => {
    const db = await store.ping().catch(() => false)
    const ready = db && !isDraining()
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'unavailable', database: db, draining: isDraining() })
  })
  app.get('/metrics', async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  )
}
