import { z } from 'zod'
import { answerQuestion, editAnswer, publishAnswer } from '../../app/answers.ts'
import type { Deps } from '../../app/deps.ts'
import { publicAnswer } from '../../app/feed.ts'
import { thank } from '../../app/reactions.ts'
import { ANSWER_MAX_LENGTH } from '../../domain/answer.ts'
import { ANSWER_KINDS } from '../../domain/types.ts'
import { enforce } from '../rate-limit.ts'
import { route } from '../route.ts'
import { visitorKey } from '../session.ts'
import { IdParams, QuestionParams } from './common.schema.ts'
import { presentChat } from './presenters.ts'
import type { PublicLimits } from './questions.routes.ts'

const Body = z.string().max(ANSWER_MAX_LENGTH * 2)

export const answerRoutes = (deps: Deps, limits: PublicLimits) => [
  route({
    method: 'GET',
    url: '/api/v1/answers/:id',
    tag: 'public',
    summary: 'A published answer with its question and chat (the permanent page)',
    auth: 'public',
    params: IdParams,
    handler: async ({ params }) => {
      const { answer, question, chat } = await publicAnswer(deps, params.id)
      return { answer, question, chat: presentChat(chat) }
    },
  }),
  route({
    method: 'POST',
    url: '/api/v1/answers/:id/thanks',
    tag: 'public',
    summary: 'Thank a published answer (once per visitor)',
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
      return thank(deps, params.id, visitor)
    },
  }),
  route({
    method: 'POST',
    url: '/api/v1/chats/:chat/questions/:question/answer',
    tag: 'answers',
    summary: 'Write the answer to an approved question, as a draft or published at once',
    auth: 'staff',
    status: 201,
    params: QuestionParams,
    body: z.object({
      kind: z.enum(ANSWER_KINDS).default('answer'),
      body: Body,
      publish: z.boolean().default(false),
    }),
    handler: async ({ actor, params, body }) => ({
      answer: await answerQuestion(deps, actor, params.chat, params.question, body),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/v1/answers/:id/publish',
    tag: 'answers',
    summary: 'Publish a draft answer',
    auth: 'staff',
    params: IdParams,
    handler: async ({ actor, params }) => ({ answer: await publishAnswer(deps, actor, params.id) }),
  }),
  route({
    method: 'PATCH',
    url: '/api/v1/answers/:id',
    tag: 'answers',
    summary: 'Correct a published answer',
    auth: 'staff',
    params: IdParams,
    body: z.object({ kind: z.enum(ANSWER_KINDS), body: Body }),
    handler: async ({ actor, params, body }) => ({
      answer: await editAnswer(deps, actor, params.id, body),
    }),
  }),
]
