import cookie from '@fastify/cookie'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { ConnectorServices } from '../app/connectors.ts'
import type { Deps } from '../app/deps.ts'
import { installWeb, sendNotFoundPage } from '../web/index.ts'
import { accountRoutes } from './api/accounts.routes.ts'
import { answerRoutes } from './api/answers.routes.ts'
import { chatRoutes } from './api/chats.routes.ts'
import { connectorRoutes } from './api/connectors.routes.ts'
import { organisationRoutes } from './api/organisations.routes.ts'
import { type PublicLimits, questionRoutes } from './api/questions.routes.ts'
import { reportRoutes } from './api/reports.routes.ts'
import { streamRoutes } from './api/streams.routes.ts'
import { installErrorHandler } from './errors.ts'
import { installMetrics, type Metrics } from './metrics.ts'
import { openApiDocument } from './openapi.ts'
import { installOps } from './ops.routes.ts'
import { type AnyRoute, mount } from './route.ts'
import { installSessions } from './session.ts'
import { FeedHub, type HubOptions } from './sse/hub.ts'

export interface ServerOptions {
  limits: PublicLimits
  hub: HubOptions
  metrics: Metrics
  trustProxy: boolean
  /** Connecting network accounts (absent without CONNECTOR_KEY: those routes answer 503). */
  connectors?: ConnectorServices
}

export interface Server {
  app: FastifyInstance
  hub: FeedHub
  /** Stops taking work, tells live viewers when to reconnect, and lets in-flight requests finish. */
  shutdown(): Promise<void>
}

export const BODY_LIMIT = 64 * 1024

/** Builds the HTTP server: the JSON API, live streams, OpenAPI document and operator endpoints. */
export async function buildServer(deps: Deps, opts: ServerOptions): Promise<Server> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    trustProxy: opts.trustProxy,
    return503OnClosing: true,
  })
  let draining = false
  const hub = new FeedHub(deps, opts.hub)
  hub.start()
  deps.audience.start(() => hub.publicViewers())

  await app.register(cookie)
  installErrorHandler(app, sendNotFoundPage)
  installSessions(app, deps, { secure: deps.publicUrl.startsWith('https:') })
  installMetrics(app, opts.metrics, hub, deps.store)
  installOps(app, deps.store, opts.metrics, () => draining)
  await installWeb(app, deps, opts.limits)

  const routes: AnyRoute[] = [
    ...accountRoutes(deps, opts.limits),
    ...organisationRoutes(deps),
    ...chatRoutes(deps),
    ...questionRoutes(deps, opts.limits),
    ...answerRoutes(deps, opts.limits),
    ...streamRoutes(deps, hub),
    ...connectorRoutes(deps, opts.connectors),
    ...reportRoutes(deps),
  ]
  mount(app, routes)
  const doc = openApiDocument(routes, deps.publicUrl)
  app.get('/api/docs', async () => doc)

  return {
    app,
    hub,
    async shutdown() {
      draining = true
      hub.close(2000)
      await app.close()
      await deps.audience.stop()
    },
  }
}
