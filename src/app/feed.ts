import { notFound } from '../domain/errors.ts'
import {
  type PublicAnswer,
  type PublicQuestion,
  presentAnswer,
  presentQuestion,
} from '../domain/events.ts'
import type { Actor } from '../domain/permissions.ts'
import type { Chat } from '../domain/types.ts'
import { chatFor } from './access.ts'
import type { Deps } from './deps.ts'

export interface FeedItem {
  question: PublicQuestion
  answer: PublicAnswer | null
}

/** The public feed of a chat as of `seq`: approved and answered questions, with published answers. */
export async function publicFeed(
  deps: Deps,
  chat: Chat,
): Promise<{ seq: number; items: FeedItem[] }> {
  const seq = await deps.store.read.events.lastSeq(chat.id)
  const [questions, answers] = await Promise.all([
    deps.store.read.questions.list(chat.id, { states: ['approved', 'answered'] }),
    deps.store.read.answers.list(chat.id, 'published'),
  ])
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]))
  const items = questions.map((q) => {
    const a = byQuestion.get(q.id)
    return {
      question: presentQuestion(q),
      answer: a?.publishedAt ? presentAnswer(a, a.publishedAt) : null,
    }
  })
  return { seq, items }
}

/** One published answer with its question and chat: the permanent, shareable page. */
export async function publicAnswer(deps: Deps, answerId: string) {
  const a = await deps.store.read.answers.findById(answerId)
  if (a?.state !== 'published' || !a.publishedAt) throw notFound('Answer')
  const q = await deps.store.read.questions.findById(a.questionId)
  const chat = await deps.store.read.chats.findById(a.chatId)
  // [A6] The page lives as long as its question stays public (not deleted at source or withdrawn).
  if (!q || !chat || chat.state === 'draft') throw notFound('Answer')
  if (q.state !== 'answered' && q.state !== 'approved') throw notFound('Answer')
  return { answer: presentAnswer(a, a.publishedAt), question: presentQuestion(q), chat }
}

/** The audit trail of a chat for its staff: every event, who did it and when, oldest first. */
export async function auditLog(
  deps: Deps,
  actor: Actor,
  slug: string,
  after: number,
  limit: number,
) {
  const chat = await chatFor(deps.store.read, actor, slug, 'chat.view')
  return deps.store.read.events.after(chat.id, after, 'all', limit)
}
