import { conflict, invalid } from './errors.ts'
import { type EventDraft, event, presentAnswer, presentQuestion } from './events.ts'
import type { Answer, AnswerKind, Instant, Question } from './types.ts'

export const ANSWER_MAX_LENGTH = 5000

/** [A3] An answer has words: even an operational one says what can be shared. */
export function checkAnswerBody(body: string): string {
  const trimmed = body.trim()
  if (trimmed.length < 2) throw invalid('body_empty', 'Please write the answer.', 'body')
  if (trimmed.length > ANSWER_MAX_LENGTH) {
    throw invalid(
      'body_too_long',
      `Answers are limited to ${ANSWER_MAX_LENGTH} characters.`,
      'body',
    )
  }
  return trimmed
}

/** [A1] An expert drafts or rewrites the answer to an approved question. */
export function draft(
  q: Question,
  existing: Answer | null,
  input: { id: string; authorId: string; authorName: string; kind: AnswerKind; body: string },
  now: Instant,
): { answer: Answer; events: EventDraft[] } {
  if (existing?.state === 'published') {
    throw conflict('already_published', 'This answer is published; edit it instead.')
  }
  if (q.state !== 'approved') {
    throw conflict(
      'question_state',
      `Only approved questions can be answered; this one is ${q.state}.`,
    )
  }
  const answer: Answer = {
    id: existing?.id ?? input.id,
    chatId: q.chatId,
    questionId: q.id,
    authorId: input.authorId,
    authorName: input.authorName,
    kind: input.kind,
    body: checkAnswerBody(input.body),
    state: 'draft',
    thanks: 0,
    createdAt: existing?.createdAt ?? now,
    publishedAt: null,
    updatedAt: now,
  }
  return { answer, events: [event('answer.drafted', { answer })] }
}

/** [A2] Publishing puts the answer and its question on the feed and marks the question answered. */
export function publish(
  a: Answer,
  q: Question,
  now: Instant,
): { answer: Answer; question: Question; events: EventDraft[] } {
  if (a.state === 'published')
    throw conflict('already_published', 'This answer is already published.')
  if (q.state !== 'approved') {
    throw conflict(
      'question_state',
      `Only approved questions can be answered; this one is ${q.state}.`,
    )
  }
  const answer: Answer = { ...a, state: 'published', publishedAt: now, updatedAt: now }
  const question: Question = { ...q, state: 'answered', version: q.version + 1, updatedAt: now }
  const data = { answer: presentAnswer(answer, now), question: presentQuestion(question) }
  return { answer, question, events: [event('answer.published', data)] }
}

/** [A4] A published answer can be corrected; its permanent page shows the latest words. */
export function editPublished(
  a: Answer,
  changes: { body: string; kind: AnswerKind },
  now: Instant,
): { answer: Answer; events: EventDraft[] } {
  if (a.state !== 'published' || !a.publishedAt) {
    throw conflict('not_published', 'Only a published answer can be edited this way.')
  }
  const answer: Answer = {
    ...a,
    body: checkAnswerBody(changes.body),
    kind: changes.kind,
    updatedAt: now,
  }
  return {
    answer,
    events: [event('answer.edited', { answer: presentAnswer(answer, a.publishedAt) })],
  }
}

/** [A5] Only published answers can be thanked. */
export function assertThankable(a: Answer): void {
  if (a.state !== 'published')
    throw conflict('not_thankable', 'Only published answers can be thanked.')
}
