import type { FastifyInstance } from 'fastify'
import type { WebContext } from '../context.ts'
import { answerRoutes } from './answer.routes.ts'
import { authRoutes } from './auth.pages.ts'
import { dashboardRoutes } from './dashboard.routes.ts'
import { moderateRoutes } from './moderate.routes.ts'
import { orgRoutes } from './org.routes.ts'
import { plannerRoutes } from './planner.routes.ts'

/** The staff console: sign-in, organisations, planner, moderation, answers, dashboard. */
export function staffRoutes(app: FastifyInstance, ctx: WebContext): void {
  authRoutes(app, ctx)
  orgRoutes(app, ctx)
  plannerRoutes(app, ctx)
  moderateRoutes(app, ctx)
  answerRoutes(app, ctx)
  dashboardRoutes(app, ctx)
}
