import { conflict, DomainError, invalid } from './errors.ts'
import { chatStateOf, type EventDraft, event } from './events.ts'
import type { Chat, ChatState, Instant } from './types.ts'

/** [C1] The moves a chat may make, and who or what may make them. */
const TRANSITIONS: Record<ChatState, ChatState[]> = {
  draft: ['scheduled'],
  scheduled: ['draft', 'live'],
  live: ['closed'],
  closed: [],
}

const HASHTAG = /^#[A-Za-z][A-Za-z0-9_]{1,49}$/

/** [C4] A hashtag is "#" then a letter then 1–49 letters, digits or underscores. */
export function checkHashtag(hashtag: string): void {
  if (!HASHTAG.test(hashtag)) {
    throw invalid(
      'invalid_hashtag',
      'The hashtag must start with # and a letter, then letters, digits or underscores (2–50 characters).',
      'hashtag',
    )
  }
}

/** [C2] Questions open no later than the start, and the chat ends after it starts. */
export function checkTimes(t: Pick<Chat, 'opensAt' | 'startsAt' | 'endsAt'>): void {
  if (t.opensAt > t.startsAt) {
    throw invalid('invalid_times', 'Questions must open no later than the chat starts.', 'opensAt')
  }
  if (t.endsAt <= t.startsAt) {
    throw invalid('invalid_times', 'The chat must end after it starts.', 'endsAt')
  }
}

const EVENT_FOR: Record<
  ChatState,
  'chat.unscheduled' | 'chat.scheduled' | 'chat.started' | 'chat.closed'
> = {
  draft: 'chat.unscheduled',
  scheduled: 'chat.scheduled',
  live: 'chat.started',
  closed: 'chat.closed',
}

/** [C1] Moves a chat to `to`, or explains why it cannot move. */
export function transition(
  chat: Chat,
  to: ChatState,
  now: Instant,
): { chat: Chat; events: EventDraft[] } {
  if (!TRANSITIONS[chat.state].includes(to)) {
    throw conflict('invalid_transition', `A ${chat.state} chat cannot become ${to}.`)
  }
  if (to === 'scheduled') checkTimes(chat)
  const next: Chat = { ...chat, state: to, updatedAt: now }
  // [C5] Starting early or closing early moves the advertised time, so pages and reports stay true.
  if (to === 'live' && now < chat.startsAt) {
    next.startsAt = now
    if (next.opensAt > now) next.opensAt = now
  }
  if (to === 'closed' && now < chat.endsAt) next.endsAt = now
  return { chat: next, events: [event(EVENT_FOR[to], chatStateOf(next))] }
}

/** [C3] The move the clock should make now, if any: scheduled chats start, live chats close. */
export function dueTransition(chat: Chat, now: Instant): ChatState | null {
  if (chat.state === 'scheduled' && now >= chat.startsAt) return 'live'
  if (chat.state === 'live' && now >= chat.endsAt) return 'closed'
  return null
}

/** [Q1] Questions are taken from `opensAt` until the chat closes, and never on a draft. */
export function acceptsQuestions(chat: Chat, now: Instant): boolean {
  if (chat.state === 'live') return true
  return chat.state === 'scheduled' && now >= chat.opensAt
}

export function assertAcceptsQuestions(chat: Chat, now: Instant): void {
  if (acceptsQuestions(chat, now)) return
  const why =
    chat.state === 'closed'
      ? 'This chat has closed and no longer takes questions.'
      : 'This chat is not taking questions yet.'
  throw new DomainError('conflict', 'chat_not_open', why)
}

/** [C6] Plans may change until the chat closes; the hashtag and times stay valid. */
export function edit(
  chat: Chat,
  changes: Partial<Chat>,
  now: Instant,
): { chat: Chat; events: EventDraft[] } {
  if (chat.state === 'closed') throw conflict('chat_closed', 'A closed chat cannot be edited.')
  const next: Chat = {
    ...chat,
    ...changes,
    id: chat.id,
    orgId: chat.orgId,
    state: chat.state,
    updatedAt: now,
  }
  checkHashtag(next.hashtag)
  checkTimes(next)
  return { chat: next, events: [event('chat.updated', { chat: next })] }
}
