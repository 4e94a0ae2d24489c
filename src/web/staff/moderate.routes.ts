import type { FastifyInstance } from 'fastify'
import { type ModerationAction, moderate } from '../../app/moderation.ts'
import { moderationQueue, staffChatView } from '../../app/views.ts'
import { DomainError } from '../../domain/errors.ts'
import { Moderation } from '../../http/api/questions.routes.ts'
import { requireStaff } from '../../http/session.ts'
import { formList, formString, sendHtml, type WebContext } from '../context.ts'
import { takeFlash } from '../flash.ts'
import { pageHeaders } from '../security.ts'
import { session } from './common.ts'
import { listLimit } from './long-list.ts'
import {
  keptBy,
  type ModerationView,
  moderatePage,
  type QueueFlag,
  type QueueState,
  queueRegion,
  STATES,
} from './moderate.page.ts'
import { attempt, done, safeBack } from './respond.ts'

type Q = {
  Params: { chat: string }
  Querystring: { state?: string; flag?: string; fragment?: string; limit?: string }
}

const SAID: Record<ModerationAction['type'], string> = {
  approve: 'Approved: the question is on the public feed',
  reject: 'Rejected',
  redirect: 'Redirected: the guidance was sent privately',
  merge: 'Merged into the other question',
  assign: 'Assignment saved',
  edit: 'Public text saved',
  unmask: 'That part is now shown publicly',
}

/** The moderation action a form asks for, checked by the API's schema (null if it is not valid). */
function actionOf(body: unknown): ModerationAction | null {
  const field = (name: string) => formString(body, name)
  const number = (name: string) => (field(name) === '' ? undefined : Number(field(name)))
  const candidate = {
    type: field('action'),
    reason: field('reason').trim() || 'Not published',
    into: field('into'),
    expertId: field('expertId') || null,
    publicText: field('publicText'),
    version: number('version'),
    start: number('start'),
    end: number('end'),
  }
  const parsed = Moderation.safeParse(candidate)
  return parsed.success ? (parsed.data as ModerationAction) : null
}

/** The moderation queue page, its live fragment, one action per form and bulk actions. */
export function moderateRoutes(app: FastifyInstance, { deps }: WebContext): void {
  app.get<Q>('/staff/chats/:chat/moderate', async (req, reply) => {
    const s = session(req)
    const base = await staffChatView(deps, s.actor, req.params.chat, 'question.moderate')
    const state = (STATES as readonly string[]).includes(req.query.state ?? '')
      ? (req.query.state as QueueState)
      : 'pending'
    const flag = (
      ['urgent', 'personal'].includes(req.query.flag ?? '') ? req.query.flag : ''
    ) as QueueFlag
    const keep = keptBy(flag)
    const limit = listLimit(req.query.limit)
    const queue = await moderationQueue(deps, base.chat, state, {
      limit,
      ...(keep ? { keep } : {}),
    })
    const view: ModerationView = { ...base, ...queue, limit, state, flag }
    pageHeaders(reply)
    if (req.query.fragment) return sendHtml(reply, queueRegion(view, s.csrfToken))
    return sendHtml(reply, moderatePage(s, view, takeFlash(req, reply)))
  })

  app.post<{ Params: { chat: string } }>('/staff/chats/:chat/moderate/bulk', async (req, reply) => {
    const actor = requireStaff(req)
    const page = `/staff/chats/${req.params.chat}/moderate`
    const back = `${page}${safeBack(formString(req.body, 'back'), '')}`
    const action = actionOf(req.body)
    const ids = formList(req.body, 'ids')
    if (!action || !['approve', 'reject', 'redirect'].includes(action.type) || ids.length === 0)
      return done(req, reply, back, {
        kind: 'error',
        title: 'Select some questions and an action first',
      })
    let ok = 0
    const refused: string[] = []
    for (const id of ids) {
      try {
        await moderate(deps, actor, req.params.chat, id, action)
        ok++
      } catch (err) {
        if (!(err instanceof DomainError)) throw err
        refused.push(err.message)
      }
    }
    return done(req, reply, back, {
      kind: refused.length ? 'info' : 'success',
      title: `${SAID[action.type]}: ${ok} of ${ids.length}`,
      ...(refused.length
        ? { body: `${refused.length} had already changed: ${[...new Set(refused)].join(' ')}` }
        : {}),
    })
  })

  app.post<{ Params: { chat: string; id: string } }>(
    '/staff/chats/:chat/moderate/:id',
    async (req, reply) => {
      const actor = requireStaff(req)
      const page = `/staff/chats/${req.params.chat}/moderate`
      const back = `${page}${safeBack(formString(req.body, 'back'), '')}`
      const action = actionOf(req.body)
      return attempt(req, reply, back, async () => {
        if (!action)
          return done(req, reply, back, {
            kind: 'error',
            title: 'That form was incomplete or too long; nothing was changed',
          })
        await moderate(deps, actor, req.params.chat, req.params.id, action)
        return done(req, reply, back, { kind: 'success', title: SAID[action.type] })
      })
    },
  )
}
