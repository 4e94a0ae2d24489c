import * as rules from '../domain/answer.ts'
import { notFound } from '../domain/errors.ts'
import type { Actor } from '../domain/permissions.ts'
import type { Answer, AnswerKind } from '../domain/types.ts'
import { actorRef, chatFor } from './access.ts'
import { changeChat } from './commit.ts'
import type { Deps } from './deps.ts'

/** [A1][A2] An expert writes the answer to a question, as a draft or published at once. */
export async function answerQuestion(
  deps: Deps,
  actor: Actor,
  chatSlug: string,
  questionId: string,
  input: { kind: AnswerKind; body: string; publish: boolean },
): Promise<Answer> {
  const chat = await chatFor(deps.store.read, actor, chatSlug, 'answer.write')
  const { result } = await changeChat(deps, chat.id, actorRef(actor), async (tx, at) => {
    const q = await tx.questions.findById(questionId)
    if (!q || q.chatId !== chat.id) throw notFound('Question')
    const existing = (await tx.answers.findByQuestion(q.id)) ?? null
    const drafted = rules.draft(
      q,
      existing,
      { id: deps.newId(), authorId: actor.userId, authorName: actor.name, ...input },
      at,
    )
    if (!input.publish) {
      await tx.answers.save(drafted.answer)
      return { result: drafted.answer, events: drafted.events }
    }
    const published = rules.publish(drafted.answer, q, at)
    await tx.answers.save(published.answer)
    await tx.questions.update(published.question)
    return { result: published.answer, events: published.events }
  })
  return result
}

/** [A2] Publishes a draft answer. */
export async function publishAnswer(deps: Deps, actor: Actor, answerId: string): Promise<Answer> {
  const draft = await deps.store.read.answers.findById(answerId)
  if (!draft) throw notFound('Answer')
  const chat = await deps.store.read.chats.findById(draft.chatId)
  if (!chat) throw notFound('Answer')
  await chatFor(deps.store.read, actor, chat.slug, 'answer.write')
  const { result } = await changeChat(deps, chat.id, actorRef(actor), async (tx, at) => {
    const a = await tx.answers.findById(answerId)
    const q = a && (await tx.questions.findById(a.questionId))
    if (!a || !q) throw notFound('Answer')
    const published = rules.publish(a, q, at)
    await tx.answers.save(published.answer)
    await tx.questions.update(published.question)
    return { result: published.answer, events: published.events }
  })
  return result
}

/** [A4] Corrects a published answer. */
export async function editAnswer(
  deps: Deps,
  actor: Actor,
  answerId: string,
  changes: { body: string; kind: AnswerKind },
) {
  const current = await deps.store.read.answers.findById(answerId)
  const chat = current && (await deps.store.read.chats.findById(current.chatId))
  if (!current || !chat) throw notFound('Answer')
  await chatFor(deps.store.read, actor, chat.slug, 'answer.write')
  const { result } = await changeChat(deps, chat.id, actorRef(actor), async (tx, at) => {
    const a = await tx.answers.findById(answerId)
    if (!a) throw notFound('Answer')
    const edited = rules.editPublished(a, changes, at)
    await tx.answers.save(edited.answer)
    return { result: edited.answer, events: edited.events }
  })
  return result
}

export async function listAnswers(deps: Deps, chatId: string) {
  return deps.store.read.answers.list(chatId)
}
