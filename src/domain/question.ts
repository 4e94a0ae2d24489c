import { conflict, invalid } from './errors.ts'
import { type EventDraft, event, presentQuestion } from './events.ts'
import type { Instant, Question, QuestionState } from './types.ts'

type Change = { question: Question; events: EventDraft[] }

export const QUESTION_MAX_LENGTH = 2000

/** [Q2] A question is 3 to 2,000 characters once trimmed. */
export function checkQuestionText(text: string): string {
  const trimmed = text.trim()
  if (trimmed.length < 3) throw invalid('text_too_short', 'Please write a question.', 'text')
  if (trimmed.length > QUESTION_MAX_LENGTH) {
    throw invalid(
      'text_too_long',
      `Questions are limited to ${QUESTION_MAX_LENGTH} characters.`,
      'text',
    )
  }
  return trimmed
}

const isPublic = (s: QuestionState) => s === 'approved' || s === 'answered'

function requireState(q: Question, allowed: QuestionState[], action: string): void {
  if (!allowed.includes(q.state)) {
    throw conflict('question_state', `Cannot ${action} a question that is ${q.state}.`)
  }
}

const touch = (q: Question, now: Instant, changes: Partial<Question>): Question => ({
  ...q,
  ...changes,
  version: q.version + 1,
  updatedAt: now,
})

/** [Q4] A pending question goes on the public feed, showing only its public text. */
export function approve(q: Question, now: Instant): Change {
  requireState(q, ['pending'], 'approve')
  const question = touch(q, now, { state: 'approved' })
  return { question, events: [event('question.approved', { question: presentQuestion(question) })] }
}

/** [Q4] A pending or approved question is declined with a reason; an approved one leaves the feed. */
export function reject(q: Question, reason: string, now: Instant): Change {
  requireState(q, ['pending', 'approved'], 'reject')
  const question = touch(q, now, { state: 'rejected', rejectReason: reason })
  const events = [event('question.rejected', { questionId: q.id, reason })]
  if (q.state === 'approved') events.push(event('question.withdrawn', { questionId: q.id }))
  return { question, events }
}

/** [Q7] An emergency or crime report is answered privately with the organisation's guidance. */
export function redirect(q: Question, guidance: string, now: Instant): Change {
  requireState(q, ['pending', 'approved'], 'redirect')
  const question = touch(q, now, { state: 'redirected' })
  const events = [event('question.redirected', { questionId: q.id, guidance })]
  if (q.state === 'approved') events.push(event('question.withdrawn', { questionId: q.id }))
  return { question, events }
}

/**
 * [Q8] Folds a question into another that asks the same thing: votes add up, the asker is kept
 * (the merged question points at its target), and one answer serves both.
 */
export function merge(
  q: Question,
  into: Question,
  combinedVotes: number,
  now: Instant,
): Change & { target: Question } {
  if (q.id === into.id)
    throw invalid('merge_self', 'A question cannot be merged into itself.', 'into')
  if (q.chatId !== into.chatId)
    throw invalid('merge_other_chat', 'Questions can only be merged within a chat.', 'into')
  requireState(q, ['pending', 'approved'], 'merge')
  requireState(into, ['pending', 'approved', 'answered'], 'merge into')
  const question = touch(q, now, { state: 'merged', mergedInto: into.id })
  const target = touch(into, now, { votes: combinedVotes })
  const events = [
    event('question.merged', { questionId: q.id, into: into.id, votes: combinedVotes }),
  ]
  if (isPublic(q.state)) events.push(event('question.withdrawn', { questionId: q.id }))
  if (isPublic(into.state))
    events.push(event('question.voted', { questionId: into.id, votes: combinedVotes }))
  return { question, target, events }
}

/** [Q9] A question is given to an expert to answer (or unassigned with null). */
export function assign(q: Question, expertId: string | null, now: Instant): Change {
  requireState(q, ['pending', 'approved'], 'assign')
  const question = touch(q, now, { assignedTo: expertId })
  return { question, events: [event('question.assigned', { questionId: q.id, expertId })] }
}

/**
 * [Q5] A moderator rewrites the public text (to mask personal data); the original stays private.
 * [Q10] The edit names the version it was made on, so two moderators cannot silently overwrite each other.
 */
export function editPublicText(
  q: Question,
  publicText: string,
  version: number,
  now: Instant,
): Change {
  if (version !== q.version) {
    throw conflict('stale_version', 'Someone else changed this question. Reload it and try again.')
  }
  requireState(q, ['pending', 'approved', 'answered'], 'edit')
  const text = checkQuestionText(publicText)
  const question = touch(q, now, { publicText: text })
  const data = { questionId: q.id, publicText: text, version: question.version }
  return { question, events: [event('question.edited', data, isPublic(q.state))] }
}

/**
 * [Q13] A moderator undoes a mask that hid something harmless; the public text is rebuilt from the
 * original with the remaining masks (the caller rebuilds it; the domain checks the version).
 */
export function unmask(
  q: Question,
  mask: { start: number; end: number },
  rebuild: (masks: Question['masks']) => string,
  version: number,
  now: Instant,
): Change {
  if (version !== q.version) {
    throw conflict('stale_version', 'Someone else changed this question. Reload it and try again.')
  }
  const masks = q.masks.filter((m) => m.start !== mask.start || m.end !== mask.end)
  if (masks.length === q.masks.length)
    throw invalid('no_such_mask', 'That part of the text is not masked.', 'start')
  requireState(q, ['pending', 'approved', 'answered'], 'unmask')
  const question = touch(q, now, { masks, publicText: rebuild(masks) })
  const data = { questionId: q.id, publicText: question.publicText, version: question.version }
  return { question, events: [event('question.edited', data, isPublic(q.state))] }
}

/** [Q6] Only questions on the public feed can be upvoted. */
export function assertVotable(q: Pick<Question, 'state'>): void {
  if (!isPublic(q.state)) throw conflict('not_votable', 'Only published questions can be upvoted.')
}

/**
 * [N4] The asker deleted the network post a question came from: it leaves the queue and, if it was
 * there, the public feed (the event is then public). Seen again, a deletion changes nothing.
 */
export function deleteAtSource(q: Question, now: Instant): Change | null {
  if (q.state === 'rejected' && q.rejectReason === DELETED_AT_SOURCE) return null
  const question = touch(q, now, { state: 'rejected', rejectReason: DELETED_AT_SOURCE })
  const data = { questionId: q.id, source: q.source }
  return { question, events: [event('question.deleted', data, isPublic(q.state))] }
}

export const DELETED_AT_SOURCE = 'deleted_at_source'
