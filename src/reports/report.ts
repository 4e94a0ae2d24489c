import { ANSWER_KINDS, type Answer, type AnswerKind, type Chat } from '../domain/types.ts'
import type { ReachRow, ReportQuestion } from '../store/repos/reports.repo.ts'
import type { Repos } from '../store/repos.ts'
import { activity } from './report.activity.ts'
import { answeredAt, type Merge, questionFigures } from './report.questions.ts'
import { themesOf } from './report.themes.thread.ts'
import type {
  AudienceFigures,
  Headline,
  QaRow,
  ReachFigures,
  Report,
  Themes,
} from './report.types.ts'
import { percentile, secondsBetween } from './stats.ts'
import { timeToAnswer } from './time-to-answer.ts'

/** Everything a report is computed from, read from the event log and read tables. */
export interface ReportInput {
  chat: Chat
  organisation: { name: string; timeZone: string }
  now: string
  questions: ReportQuestion[]
  /** Published answers only. */
  answers: Answer[]
  approvedIds: Set<string>
  merges: Merge[]
  reactions: { upvotes: number; thanks: number; voters: number }
  peak: { minute: string; viewers: number } | null
  liveViews: Array<{ itemId: string; views: number; visitors: number }>
  answerViews: Array<{ itemId: string; views: number; visitors: number }>
  reach: ReachRow[]
  earlier: Headline[]
  /** Null when skipped (they are costly): for the headline figures of earlier chats. */
  themes: Themes | null
}

export type Progress = (step: string, done: number, total: number) => void

/** Messages the moderation aids recognised as needing no answer stay off the follow-up list. */
const NO_ANSWER_NEEDED = new Set(['thanks', 'spam', 'abuse'])

const STEPS = [
  'reading questions',
  'reading answers',
  'reading the log',
  'counting reactions',
  'counting viewers',
  'reading reach',
  'comparing earlier chats',
  'grouping similar questions',
]

/** Reads a chat's report input through the repositories, one step at a time. */
export async function loadReportInput(
  repos: Repos,
  chat: Chat,
  now: string,
  opts: { earlier?: number; onProgress?: Progress; skipThemes?: boolean } = {},
): Promise<ReportInput> {
  const step = (i: number) => opts.onProgress?.(STEPS[i] ?? '', i, STEPS.length)
  const org = await repos.organisations.findById(chat.orgId)
  step(0)
  const questions = await repos.reports.questions(chat.id)
  step(1)
  const answers = await repos.answers.list(chat.id, 'published')
  step(2)
  const log = await repos.reports.events(chat.id, ['question.approved', 'question.merged'])
  const approvedIds = new Set<string>()
  const merges: Merge[] = []
  for (const e of log) {
    if (e.type === 'question.approved')
      approvedIds.add((e.data as { question: { id: string } }).question.id)
    else {
      const d = e.data as { questionId: string; into: string }
      merges.push({ questionId: d.questionId, into: d.into, at: e.at })
    }
  }
  step(3)
  const reactions = await repos.reports.reactions(chat.id)
  step(4)
  const [peak, liveViews, answerViews] = await Promise.all([
    repos.reports.peakViewers(chat.id),
    repos.reports.pageViews(chat.id, 'live'),
    repos.reports.pageViews(chat.id, 'answer'),
  ])
  step(5)
  const reach = await repos.reports.reach(chat.id)
  step(6)
  const earlier: Headline[] = []
  if (opts.earlier) {
    const closed = (await repos.chats.listByOrg(chat.orgId, ['closed']))
      .filter((c) => c.id !== chat.id && c.startsAt < chat.startsAt)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .slice(0, opts.earlier)
    for (const c of closed.reverse()) {
      const input = await loadReportInput(repos, c, now, { skipThemes: true })
      earlier.push(headlineOf(computeReport(input)))
    }
  }
  step(7)
  const found = opts.skipThemes
    ? null
    : await themesOf({ questions, merges, hashtag: chat.hashtag })
  opts.onProgress?.('figures read', STEPS.length, STEPS.length)
  return {
    chat,
    organisation: { name: org?.name ?? '', timeZone: org?.timeZone ?? 'UTC' },
    now,
    questions,
    answers,
    approvedIds,
    merges,
    reactions,
    peak,
    liveViews,
    answerViews,
    reach,
    earlier,
    themes: found,
  }
}

function audience(input: ReportInput): AudienceFigures {
  const live = input.liveViews.find((v) => v.itemId === input.chat.id)
  const questionOf = new Map(input.answers.map((a) => [a.id, a.questionId]))
  const recorded = input.peak !== null || input.liveViews.length + input.answerViews.length > 0
  return {
    recorded,
    peakViewers: recorded ? (input.peak?.viewers ?? 0) : null,
    peakAt: input.peak?.minute ?? null,
    liveViewers: recorded ? (live?.visitors ?? 0) : null,
    answerViews: input.answerViews
      .filter((v) => questionOf.has(v.itemId))
      .map((v) => ({
        answerId: v.itemId,
        questionId: questionOf.get(v.itemId) ?? '',
        views: v.views,
        visitors: v.visitors,
      }))
      .sort((a, b) => b.views - a.views || a.answerId.localeCompare(b.answerId)),
  }
}

function reach(rows: readonly ReachRow[]): ReachFigures {
  const byNetwork = new Map<string, ReachFigures['byNetwork'][number]>()
  for (const r of rows) {
    const n = byNetwork.get(r.network) ?? {
      network: r.network,
      posts: 0,
      reposts: 0,
      likes: 0,
      replies: 0,
    }
    n.posts++
    n.reposts += r.reposts
    n.likes += r.likes
    n.replies += r.replies
    byNetwork.set(r.network, n)
  }
  return { connected: rows.length > 0, byNetwork: [...byNetwork.values()] }
}

function byExpert(answers: readonly Answer[], waits: ReadonlyMap<string, number>) {
  const experts = new Map<string, { name: string; answers: Answer[] }>()
  for (const a of answers) {
    const e = experts.get(a.authorId) ?? { name: a.authorName, answers: [] }
    e.answers.push(a)
    experts.set(a.authorId, e)
  }
  return [...experts].map(([expertId, e]) => ({
    expertId,
    name: e.name,
    answers: e.answers.length,
    thanks: e.answers.reduce((n, a) => n + a.thanks, 0),
    medianSeconds: percentile(
      e.answers.flatMap((a) => waits.get(a.questionId) ?? []),
      50,
    ),
  }))
}

/** Computes every figure of the report from its input; pure, so the same input gives the same report. */
export function computeReport(input: ReportInput): Report {
  const { chat, questions, answers } = input
  const got = answeredAt(questions, answers, input.merges)
  const received = new Map(questions.map((q) => [q.id, q.receivedAt]))
  const waits = new Map(
    [...got].map(([id, a]) => [id, secondsBetween(received.get(id) ?? a.at, a.at)] as const),
  )
  const views = new Map(input.answerViews.map((v) => [v.itemId, v.views]))
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]))
  const byKind = Object.fromEntries(ANSWER_KINDS.map((k) => [k, 0])) as Record<AnswerKind, number>
  for (const a of answers) byKind[a.kind]++
  const act = activity(
    chat,
    questions.map((q) => q.receivedAt),
    answers.flatMap((a) => a.publishedAt ?? []),
  )
  const rows: QaRow[] = questions.map((q) => {
    const a = byQuestion.get(q.id)
    return {
      questionId: q.id,
      receivedAt: q.receivedAt,
      source: q.source,
      state: q.state,
      kind: q.kind,
      votes: q.votes,
      publicText: q.publicText,
      rejectReason: q.rejectReason,
      mergedInto: q.mergedInto,
      answerId: a?.id ?? null,
      answerKind: a?.kind ?? null,
      answeredBy: a?.authorName ?? null,
      answerPublishedAt: a?.publishedAt ?? null,
      secondsToAnswer: a ? (waits.get(q.id) ?? null) : null,
      answer: a?.body ?? null,
      answerThanks: a?.thanks ?? null,
      answerViews: a ? (views.get(a.id) ?? 0) : null,
    }
  })
  const published = new Set(['approved', 'answered'])
  return {
    version: 1,
    status: chat.state === 'closed' ? 'final' : 'live',
    generatedAt: input.now,
    chat: {
      slug: chat.slug,
      title: chat.title,
      hashtag: chat.hashtag,
      theme: chat.theme,
      state: chat.state,
      opensAt: chat.opensAt,
      startsAt: chat.startsAt,
      endsAt: chat.endsAt,
      organisation: input.organisation.name,
      timeZone: input.organisation.timeZone,
    },
    questions: questionFigures(chat, questions, input.approvedIds, got),
    timeToAnswer: timeToAnswer([...waits.values()]),
    answers: { published: answers.length, byKind, byExpert: byExpert(answers, waits) },
    reactions: {
      ...input.reactions,
      thankYouMessages: questions.filter((q) => q.thanks).length,
    },
    audience: audience(input),
    reach: reach(input.reach),
    activity: { bucketMinutes: 5, series: act.series, before: act.before, after: act.after },
    busiest: act.busiest,
    themes: input.themes ?? { groups: [], terms: [] },
    followUp: questions
      .filter(
        (q) => (q.state === 'pending' || q.state === 'approved') && !NO_ANSWER_NEEDED.has(q.kind),
      )
      .sort((a, b) => b.votes - a.votes || a.receivedAt.localeCompare(b.receivedAt))
      .map((q) => ({
        questionId: q.id,
        state: q.state,
        receivedAt: q.receivedAt,
        source: q.source,
        votes: q.votes,
        kind: q.kind,
        publicText: q.publicText,
      })),
    saidThanks: questions
      .filter((q) => q.thanks && published.has(q.state))
      .map((q) => q.publicText),
    rows,
    comparison: [] as Headline[],
  }
}

/** The figures compared across chats. */
export function headlineOf(r: Report): Headline {
  return {
    slug: r.chat.slug,
    title: r.chat.title,
    startsAt: r.chat.startsAt,
    received: r.questions.received,
    uniqueAskers: r.questions.uniqueAskers,
    approved: r.questions.approved,
    answered: r.questions.answered,
    answerRate: r.questions.answerRate,
    medianSeconds: r.timeToAnswer.medianSeconds,
    p90Seconds: r.timeToAnswer.p90Seconds,
    upvotes: r.reactions.upvotes,
    thanks: r.reactions.thanks,
    peakViewers: r.audience.peakViewers,
    liveViewers: r.audience.liveViewers,
  }
}

/** The full report: computed figures plus the side-by-side comparison with earlier chats. */
export function buildReport(input: ReportInput): Report {
  const report = computeReport(input)
  return { ...report, comparison: [...input.earlier, headlineOf(report)] }
}
