import { assertThankable } from '../domain/answer.ts'
import { conflict, notFound } from '../domain/errors.ts'
import { event } from '../domain/events.ts'
import { assertVotable } from '../domain/question.ts'
import { changeChat } from './commit.ts'
import type { Deps } from './deps.ts'

const visitor = (key: string) => `visitor:${key.slice(0, 12)}`

/** [Q6] A visitor upvotes a published question, once. */
export async function upvote(
  deps: Deps,
  questionId: string,
  visitorKey: string,
): Promise<{ votes: number }> {
  const q = await deps.store.read.questions.chatAndState(questionId)
  if (!q) throw notFound('Question')
  const { result } = await changeChat(deps, q.chatId, visitor(visitorKey), async (tx, at) => {
    const current = await tx.questions.chatAndState(questionId)
    if (!current) throw notFound('Question')
    assertVotable(current)
    const votes = await tx.reactions.vote(questionId, visitorKey, at)
    if (votes === null) throw conflict('already_voted', 'You have already upvoted this question.')
    return { result: { votes }, events: [event('question.voted', { questionId, votes })] }
  })
  return result
}

/** [A5] A visitor thanks a published answer, once. */
export async function thank(
  deps: Deps,
  answerId: string,
  visitorKey: string,
): Promise<{ thanks: number }> {
  const a = await deps.store.read.answers.findById(answerId)
  if (!a) throw notFound('Answer')
  const { result } = await changeChat(deps, a.chatId, visitor(visitorKey), async (tx, at) => {
    const current = await tx.answers.findById(answerId)
    if (!current) throw notFound('Answer')
    assertThankable(current)
    const thanks = await tx.reactions.thank(answerId, visitorKey, at)
    if (thanks === null) throw conflict('already_thanked', 'You have already thanked this answer.')
    return { result: { thanks }, events: [event('answer.thanked', { answerId, thanks })] }
  })
  return result
}
