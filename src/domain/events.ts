import type { Answer, AnswerKind, Chat, ChatState, Instant, Question, Source } from './types.ts'

/** The part of a question the public may see. */
export interface PublicQuestion {
  id: string
  source: Source
  publicText: string
  votes: number
  state: 'approved' | 'answered'
  receivedAt: Instant
}

/** The part of an answer the public may see, once published. */
export interface PublicAnswer {
  id: string
  questionId: string
  kind: AnswerKind
  body: string
  authorName: string
  thanks: number
  publishedAt: Instant
  updatedAt: Instant
}

export interface PublicChatState {
  state: ChatState
  opensAt: Instant
  startsAt: Instant
  endsAt: Instant
}

/** Every event a chat's log can hold, by type, with its data. */
export interface EventMap {
  'chat.created': { chat: Chat }
  'chat.updated': { chat: Chat }
  'chat.scheduled': PublicChatState
  'chat.unscheduled': PublicChatState
  'chat.started': PublicChatState
  'chat.closed': PublicChatState
  'question.received': { question: Question }
  'question.approved': { question: PublicQuestion }
  'question.rejected': { questionId: string; reason: string }
  /** An approved question taken back off the public feed. */
  'question.withdrawn': { questionId: string }
  /** [N4] The asker deleted the post it came from: it leaves the queue and the public feed. */
  'question.deleted': { questionId: string; source: Source }
  'question.redirected': { questionId: string; guidance: string }
  'question.merged': { questionId: string; into: string; votes: number }
  'question.assigned': { questionId: string; expertId: string | null }
  'question.edited': { questionId: string; publicText: string; version: number }
  'question.voted': { questionId: string; votes: number }
  'answer.drafted': { answer: Answer }
  'answer.published': { answer: PublicAnswer; question: PublicQuestion }
  'answer.edited': { answer: PublicAnswer }
  'answer.thanked': { answerId: string; thanks: number }
}

export type EventType = keyof EventMap
export type Visibility = 'public' | 'staff'

/** An event the domain decided on, not yet given its place in the log. */
export type EventDraft = {
  [T in EventType]: { type: T; data: EventMap[T]; visibility: Visibility }
}[EventType]

/** An event as stored in a chat's ordered log. */
export type ChatEvent = EventDraft & {
  chatId: string
  seq: number
  actor: string
  at: Instant
}

const PUBLIC_BY_DEFAULT: Record<EventType, boolean> = {
  'chat.created': false,
  'chat.updated': false,
  'chat.scheduled': true,
  'chat.unscheduled': true,
  'chat.started': true,
  'chat.closed': true,
  'question.received': false,
  'question.approved': true,
  'question.rejected': false,
  'question.withdrawn': true,
  'question.deleted': false,
  'question.redirected': false,
  'question.merged': false,
  'question.assigned': false,
  'question.edited': false,
  'question.voted': true,
  'answer.drafted': false,
  'answer.published': true,
  'answer.edited': true,
  'answer.thanked': true,
}

/** [E2] Builds an event with its type's default visibility, or `public` when it concerns a published item. */
export function event<T extends EventType>(
  type: T,
  data: EventMap[T],
  visibleToPublic = PUBLIC_BY_DEFAULT[type],
): EventDraft {
  return { type, data, visibility: visibleToPublic ? 'public' : 'staff' } as EventDraft
}

export function presentQuestion(q: Question): PublicQuestion {
  return {
    id: q.id,
    source: q.source,
    publicText: q.publicText,
    votes: q.votes,
    state: q.state === 'answered' ? 'answered' : 'approved',
    receivedAt: q.receivedAt,
  }
}

export function presentAnswer(a: Answer, publishedAt: Instant): PublicAnswer {
  return {
    id: a.id,
    questionId: a.questionId,
    kind: a.kind,
    body: a.body,
    authorName: a.authorName,
    thanks: a.thanks,
    publishedAt,
    updatedAt: a.updatedAt,
  }
}

export const chatStateOf = (c: Chat): PublicChatState => ({
  state: c.state,
  opensAt: c.opensAt,
  startsAt: c.startsAt,
  endsAt: c.endsAt,
})
