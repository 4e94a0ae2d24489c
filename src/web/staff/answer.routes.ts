import type { FastifyInstance } from 'fastify'
import { answerQuestion, editAnswer, listAnswers } from '../../app/answers.ts'
import { listReplies } from '../../app/replies.ts'
import { staffChatView } from '../../app/views.ts'
import { ANSWER_KINDS, type AnswerKind } from '../../domain/types.ts'
import { requireStaff } from '../../http/session.ts'
import { formString, sendHtml, type WebContext } from '../context.ts'
import { takeFlash } from '../flash.ts'
import { pageHeaders } from '../security.ts'
import { type ExpertView, expertPage } from './answer.page.ts'
import { canModerate, session } from './common.ts'
import { listLimit } from './long-list.ts'
import { attempt, done } from './respond.ts'

const kindOf = (v: string): AnswerKind =>
  (ANSWER_KINDS as readonly string[]).includes(v) ? (v as AnswerKind) : 'answer'

/** The expert's view: compose from approved replies, publish, save drafts, correct answers. */
export function answerRoutes(app: FastifyInstance, { deps }: WebContext): void {
  app.get<{
    Params: { chat: string }
    Querystring: { show?: string; prefill?: string; limit?: string }
  }>('/staff/chats/:chat/answer', async (req, reply) => {
    const s = session(req)
    const base = await staffChatView(deps, s.actor, req.params.chat, 'answer.write')
    const [questions, answers, replies] = await Promise.all([
      deps.store.read.questions.list(base.chat.id, { states: ['approved', 'answered'] }),
      listAnswers(deps, base.chat.id),
      listReplies(deps, s.actor, base.org.slug),
    ])
    const show = req.query.show === 'all' ? 'all' : 'mine'
    const me = s.actor.userId
    const byQuestion = new Map(answers.map((a) => [a.questionId, a]))
    const waiting = questions
      .filter((q) => q.state === 'approved')
      .sort(
        (a, b) =>
          (show === 'mine' ? Number(b.assignedTo === me) - Number(a.assignedTo === me) : 0) ||
          b.votes - a.votes ||
          a.receivedAt.localeCompare(b.receivedAt),
      )
    const answered = questions
      .filter((q) => q.state === 'answered')
      .flatMap((q) => {
        const a = byQuestion.get(q.id)
        return a?.state === 'published' ? [{ question: q, answer: a }] : []
      })
      .sort((a, b) => (b.answer.publishedAt ?? '').localeCompare(a.answer.publishedAt ?? ''))
    const [pq, pr] = (req.query.prefill ?? '').split(':')
    const limit = listLimit(req.query.limit)
    const view: ExpertView = {
      ...base,
      waiting: waiting.slice(0, limit),
      waitingTotal: waiting.length,
      answered: answered.slice(0, limit),
      answeredTotal: answered.length,
      limit,
      drafts: new Map(answers.filter((a) => a.state === 'draft').map((a) => [a.questionId, a])),
      replies,
      show,
      prefill: pq && pr ? { questionId: pq, replyId: pr } : null,
      canModerate: canModerate(s.actor, base.org.id),
    }
    pageHeaders(reply)
    return sendHtml(reply, expertPage(s, view, takeFlash(req, reply)))
  })

  app.post<{ Params: { chat: string; id: string } }>(
    '/staff/chats/:chat/answer/:id',
    async (req, reply) => {
      const actor = requireStaff(req)
      const page = `/staff/chats/${req.params.chat}/answer`
      const action = formString(req.body, 'action')
      if (action === 'insert') {
        const replyId = formString(req.body, 'replyId')
        return reply
          .code(303)
          .header(
            'location',
            `${page}?prefill=${encodeURIComponent(`${req.params.id}:${replyId}`)}#body-${req.params.id}`,
          )
          .send()
      }
      const publish = action !== 'draft'
      return attempt(req, reply, `${page}#aq-${req.params.id}`, async () => {
        await answerQuestion(deps, actor, req.params.chat, req.params.id, {
          kind: kindOf(formString(req.body, 'kind')),
          body: formString(req.body, 'body'),
          publish,
        })
        return done(req, reply, page, {
          kind: 'success',
          title: publish ? 'Answer published' : 'Draft saved',
          ...(publish
            ? { body: 'It is on the public feed now, with its own permanent page.' }
            : {}),
        })
      })
    },
  )

  app.post<{ Params: { chat: string; id: string } }>(
    '/staff/chats/:chat/answers/:id',
    async (req, reply) => {
      const actor = requireStaff(req)
      const page = `/staff/chats/${req.params.chat}/answer`
      return attempt(req, reply, page, async () => {
        await editAnswer(deps, actor, req.params.id, {
          kind: kindOf(formString(req.body, 'kind')),
          body: formString(req.body, 'body'),
        })
        return done(req, reply, page, { kind: 'success', title: 'Correction published' })
      })
    },
  )
}
