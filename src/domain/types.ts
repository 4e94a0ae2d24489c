/** ISO-8601 UTC timestamp, e.g. 2026-11-29T18:00:00.000Z; sorts as text. */
export type Instant = string

export const ROLES = ['admin', 'host', 'expert'] as const
export type Role = (typeof ROLES)[number]

export const CHAT_STATES = ['draft', 'scheduled', 'live', 'closed'] as const
export type ChatState = (typeof CHAT_STATES)[number]

export const QUESTION_STATES = [
  'pending',
  'approved',
  'answered',
  'rejected',
  'redirected',
  'merged',
] as const
export type QuestionState = (typeof QUESTION_STATES)[number]

export const SOURCES = ['web', 'bluesky', 'mastodon', 'x', 'import'] as const
export type Source = (typeof SOURCES)[number]

export const ANSWER_KINDS = ['answer', 'operational', 'redirect'] as const
export type AnswerKind = (typeof ANSWER_KINDS)[number]

export type AnswerState = 'draft' | 'published'

export interface Organisation {
  id: string
  slug: string
  name: string
  timeZone: string
  logoUrl: string | null
  brandColour: string
  emergencyGuidance: string
  createdAt: Instant
}

export interface Chat {
  id: string
  orgId: string
  slug: string
  title: string
  theme: string
  hashtag: string
  description: string
  opensAt: Instant
  startsAt: Instant
  endsAt: Instant
  state: ChatState
  experts: string[]
  lastSeq: number
  createdAt: Instant
  updatedAt: Instant
}

export interface QuestionMask {
  type: string
  start: number
  end: number
}

export interface QuestionFlag {
  kind: string
  reason: string
}

export interface Question {
  id: string
  chatId: string
  source: Source
  externalId: string | null
  externalUrl: string | null
  authorName: string | null
  /** The words as the asker sent them: staff only, never published. */
  text: string
  /** What the public sees: personal data masked, possibly edited by a moderator. */
  publicText: string
  masks: QuestionMask[]
  flags: QuestionFlag[]
  kind: string
  thanks: boolean
  state: QuestionState
  rejectReason: string | null
  mergedInto: string | null
  assignedTo: string | null
  votes: number
  version: number
  receivedAt: Instant
  updatedAt: Instant
}

export interface Answer {
  id: string
  chatId: string
  questionId: string
  authorId: string
  authorName: string
  kind: AnswerKind
  body: string
  state: AnswerState
  thanks: number
  createdAt: Instant
  publishedAt: Instant | null
  updatedAt: Instant
}
