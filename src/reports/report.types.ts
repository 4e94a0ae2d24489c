import type { AnswerKind, Instant, Source } from '../domain/types.ts'

/** One 5-minute period of activity. */
export interface Bucket {
  start: Instant
  questions: number
  answers: number
}

export interface QuestionFigures {
  received: number
  receivedBefore: number
  receivedDuring: number
  receivedAfter: number
  bySource: Record<Source, number>
  uniqueAskers: number
  /** Put on the public feed at some point (a `question.approved` event). */
  approved: number
  /** Has a published answer of its own. */
  answered: number
  /** Merged into a question that has a published answer. */
  answeredViaMerge: number
  redirected: number
  rejected: number
  rejectedByReason: Array<{ reason: string; count: number }>
  merged: number
  pending: number
  /** On the feed now, without a published answer. */
  awaitingAnswer: number
  /** answered ÷ (answered + awaitingAnswer); null when both are 0. */
  answerRate: number | null
}

export interface TimeToAnswer {
  count: number
  medianSeconds: number | null
  p90Seconds: number | null
  distribution: Array<{ label: string; count: number }>
}

export interface ExpertFigures {
  expertId: string
  name: string
  answers: number
  thanks: number
  medianSeconds: number | null
}

export interface AudienceFigures {
  /** False when nothing was recorded for this chat (recording off, or nobody came). */
  recorded: boolean
  peakViewers: number | null
  peakAt: Instant | null
  /** Distinct visitor-days on the live page. */
  liveViewers: number | null
  answerViews: Array<{ answerId: string; questionId: string; views: number; visitors: number }>
}

export interface ReachFigures {
  /** False when no connector has reported any post of this chat: shown as "not connected". */
  connected: boolean
  byNetwork: Array<{
    network: string
    posts: number
    reposts: number
    likes: number
    replies: number
  }>
}

export interface Theme {
  size: number
  label: string
  questionIds: string[]
  answered: number
}

/** A report's most asked themes and most frequent terms. */
export interface Themes {
  groups: Theme[]
  terms: Array<{ term: string; count: number }>
}

/** One question, and its answer if published: a row of the CSV export. */
export interface QaRow {
  questionId: string
  receivedAt: Instant
  source: Source
  state: string
  kind: string
  votes: number
  publicText: string
  rejectReason: string | null
  mergedInto: string | null
  answerId: string | null
  answerKind: AnswerKind | null
  answeredBy: string | null
  answerPublishedAt: Instant | null
  secondsToAnswer: number | null
  answer: string | null
  answerThanks: number | null
  answerViews: number | null
}

export interface FollowUp {
  questionId: string
  state: string
  receivedAt: Instant
  source: Source
  votes: number
  kind: string
  publicText: string
}

/** The headline figures of one chat, for comparing chats side by side. */
export interface Headline {
  slug: string
  title: string
  startsAt: Instant
  received: number
  uniqueAskers: number
  approved: number
  answered: number
  answerRate: number | null
  medianSeconds: number | null
  p90Seconds: number | null
  upvotes: number
  thanks: number
  peakViewers: number | null
  liveViewers: number | null
}

/** Everything "was it worthwhile?" answers for one chat. Definitions: docs/report.md. */
export interface Report {
  version: 1
  status: 'live' | 'final'
  generatedAt: Instant
  chat: {
    slug: string
    title: string
    hashtag: string
    theme: string
    state: string
    opensAt: Instant
    startsAt: Instant
    endsAt: Instant
    organisation: string
    timeZone: string
  }
  questions: QuestionFigures
  timeToAnswer: TimeToAnswer
  answers: { published: number; byKind: Record<AnswerKind, number>; byExpert: ExpertFigures[] }
  reactions: { upvotes: number; voters: number; thanks: number; thankYouMessages: number }
  audience: AudienceFigures
  reach: ReachFigures
  activity: { bucketMinutes: 5; series: Bucket[]; before: Bucket; after: Bucket }
  busiest: Bucket[]
  themes: Themes
  followUp: FollowUp[]
  /** What people said: published thank-you messages, public text only. */
  saidThanks: string[]
  rows: QaRow[]
  /** This chat and the organisation's earlier closed chats, oldest first. */
  comparison: Headline[]
}
