import { z } from 'zod'
import { chatFor } from '../../app/access.ts'
import { getPublicChat } from '../../app/chats.ts'
import type { Deps } from '../../app/deps.ts'
import { moderate } from '../../app/moderation.ts'
import { askQuestion, listQuestions } from '../../app/questions.ts'
import { upvote } from '../../app/reactions.ts'
import { invalid } from '../../domain/errors.ts'
import { QUESTION_MAX_LENGTH } from '../../domain/question.ts'
import { QUESTION_STATES } from '../../domain/types.ts'
import { enforce, type RateLimiter } from '../rate-limit.ts'
import { route } from '../route.ts'
import { visitorKey } from '../session.ts'
import { ChatParams, Id, IdParams, QuestionParams } from './common.schema.ts'

export interface PublicLimits {
  limiter: RateLimiter
  secret: string
  windowMs: number
  questionsPerVisitor: number
  questionsPerIp: number
  questionsPerChat: number
  reactionsPerVisitor: number
}

const Ask = z.object({
  text: z.string().max(QUESTION_MAX_LENGTH * 2),
  authorName: z.string().trim().max(80).optional(),
})

const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'use 8–128 letters, digits or - _ . :')
  .optional()

/** One moderation action; the console's forms are checked against the same schema. */
export const Moderation = z.discriminatedUnion('type', [
  z.object({ type: z.literal('approve') }),
  z.object({ type: z.literal('reject'), reason: z.string().trim().min(2).max(280) }),
  z.object({
    type: z.literal('redirect'),
    guidance: z.string().trim().min(10).max(1000).optional(),
  }),
  z.object({ type: z.literal('merge'), into: Id }),
  z.object({ type: z.literal('assign'), expertId: Id.nullable() }),
  z.object({
    type: z.literal('edit'),
    publicText: z.string().max(QUESTION_MAX_LENGTH * 2),
    version: z.number().int().positive(),
  }),
  z.object({
    type: z.literal('unmask'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    version: z.number().int().positive(),
  }),
])

export const questionRoutes = (deps: Deps, limits: PublicLimits) => [
  route({
    method: 'POST',
    url: '/api/v1/chats/:chat/questions',
    tag: 'public',
    summary:
      'Ask a question; it waits for a moderator. Retries with the same Idempotency-Key return the first result',
    auth: 'public',
    status: 201,
    params: ChatParams,
    body: Ask,
    headers: { 'Idempotency-Key': { description: 'A unique key per question, reused on retries' } },
    handler: async ({ params, body, req, reply }) => {
      const key = IdempotencyKey.safeParse(req.headers['idempotency-key'])
      if (!key.success) {
        throw invalid(
          'invalid_header',
          'Idempotency-Key: use 8–128 letters, digits or - _ . :',
          'Idempotency-Key',
        )
      }
      const chat = await getPublicChat(deps, params.chat)
      const visitor = visitorKey(req, reply, limits.secret)
      await enforce(
        limits.limiter,
        [
          { key: `q:v:${visitor}`, limit: limits.questionsPerVisitor },
          { key: `q:ip:${req.ip}`, limit: limits.questionsPerIp },
          { key: `q:c:${chat.id}`, limit: limits.questionsPerChat },
        ],
        limits.windowMs,
      )
      const { question, replayed, guidance } = await askQuestion(deps, chat, body, {
        visitorKey: visitor,
        idempotencyKey: key.data,
      })
      if (replayed) reply.header('idempotent-replayed', 'true')
      return {
        id: question.id,
        state: question.state,
        publicText: question.publicText,
        masked: question.masks.length > 0,
        receivedAt: question.receivedAt,
        ...(guidance ? { guidance } : {}),
      }
    },
  }),
  route({
    method: 'POST',
    url: '/api/v1/questions/:id/votes',
    tag: 'public',
    summary: 'Upvote a published question (once per visitor)',
    auth: 'public',
    status: 201,
    params: IdParams,
    handler: async ({ params, req, reply }) => {
      const visitor = visitorKey(req, reply, limits.secret)
      await enforce(
        limits.limiter,
        [{ key: `r:v:${visitor}`, limit: limits.reactionsPerVisitor }],
        limits.windowMs,
      )
      return upvote(deps, params.id, visitor)
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat/questions',
    tag: 'moderation',
    summary: 'The moderation queue: questions with their private text, masks and flags',
    auth: 'staff',
    params: ChatParams,
    query: z.object({
      state: z.enum(QUESTION_STATES).optional(),
      assignedTo: Id.optional(),
    }),
    handler: async ({ actor, params, query }) => {
      const chat = await chatFor(deps.store.read, actor, params.chat, 'chat.view')
      const questions = await listQuestions(deps, chat, {
        ...(query.state ? { states: [query.state] } : {}),
        ...(query.assignedTo ? { assignedTo: query.assignedTo } : {}),
      })
      return { questions }
    },
  }),
  route({
    method: 'POST',
    url: '/api/v1/chats/:chat/questions/:question/moderation',
    tag: 'moderation',
    summary:
      'Approve, reject, redirect (999/101 guidance), merge, assign, edit or unmask a question',
    auth: 'staff',
    params: QuestionParams,
    body: Moderation,
    handler: async ({ actor, params, body }) => ({
      question: await moderate(deps, actor, params.chat, params.question, body),
    }),
  }),
]
