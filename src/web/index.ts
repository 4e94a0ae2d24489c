import formbody from '@fastify/formbody'
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../app/deps.ts'
import type { PublicLimits } from '../http/api/questions.routes.ts'
import { installAssets } from './assets.ts'
import type { WebContext } from './context.ts'
import { installPageErrors } from './errors.page.ts'
import { publicRoutes } from './public/public.routes.ts'
import { installBaselineHeaders } from './security.ts'
import { staffRoutes } from './staff/staff.routes.ts'

export { sendNotFoundPage } from './errors.page.ts'

/**
 * Mounts the web pages: server-rendered HTML that works without JavaScript, in their own Fastify
 * context so form bodies, HTML error pages and page headers never touch the JSON API.
 */
export async function installWeb(app: FastifyInstance, deps: Deps, limits: PublicLimits) {
  installBaselineHeaders(app)
  const ctx: WebContext = { deps, limits }
  await app.register(async (web) => {
    await web.register(formbody, { bodyLimit: 64 * 1024 })
    installPageErrors(web)
    installAssets(web)
    publicRoutes(web, ctx)
    staffRoutes(web, ctx)
  })
}
