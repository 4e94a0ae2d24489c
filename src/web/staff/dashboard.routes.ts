import type { FastifyInstance } from 'fastify'
import { listAnswers } from '../../app/answers.ts'
import { connectorStates } from '../../app/connectors.ts'
import { staffChatView } from '../../app/views.ts'
import { sendHtml, type WebContext } from '../context.ts'
import { pageHeaders } from '../security.ts'
import { canModerate, session } from './common.ts'
import {
  dashboardPage,
  dashboardRegion,
  dashboardStats,
  presentPage,
  presentRegion,
} from './dashboard.page.ts'

type Q = { Params: { chat: string }; Querystring: { fragment?: string } }

/** The host dashboard and the presenter view, each with a fragment their script refreshes. */
export function dashboardRoutes(app: FastifyInstance, { deps }: WebContext): void {
  app.get<Q>('/staff/chats/:chat/dashboard', async (req, reply) => {
    const s = session(req)
    const v = await staffChatView(deps, s.actor, req.params.chat)
    const stats = dashboardStats(v.chat, v.counts, await listAnswers(deps, v.chat.id), deps.now())
    const networks = await connectorStates(deps, s.actor, v.chat.slug)
    pageHeaders(reply)
    if (req.query.fragment) return sendHtml(reply, dashboardRegion(v.chat, stats, networks))
    return sendHtml(
      reply,
      dashboardPage(s, v.org, v.chat, stats, canModerate(s.actor, v.org.id), networks),
    )
  })

  app.get<Q>('/staff/chats/:chat/present', async (req, reply) => {
    const s = session(req)
    const v = await staffChatView(deps, s.actor, req.params.chat)
    const answers = (await listAnswers(deps, v.chat.id)).filter((a) => a.state === 'published')
    const last = answers.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0]
    const q = last && (await deps.store.read.questions.findById(last.questionId))
    const view = {
      org: v.org,
      chat: v.chat,
      latest: last && q ? { question: q.publicText, answer: last.body, by: last.authorName } : null,
      answered: v.counts.answered ?? 0,
      waiting: v.counts.approved ?? 0,
      publicUrl: deps.publicUrl,
    }
    pageHeaders(reply)
    if (req.query.fragment) return sendHtml(reply, presentRegion(view))
    return sendHtml(reply, presentPage(view))
  })
}
