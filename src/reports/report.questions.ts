import { type Answer, type Chat, SOURCES, type Source } from '../domain/types.ts'
import type { ReportQuestion } from '../store/repos/reports.repo.ts'
import type { QuestionFigures } from './report.types.ts'
import { countBy, ratio } from './stats.ts'

export interface Merge {
  questionId: string
  into: string
  at: string
}

/** When each question's asker had a published answer: its own, or its merge target's (docs/report.md). */
export function answeredAt(
  questions: readonly ReportQuestion[],
  answers: readonly Answer[],
  merges: readonly Merge[],
): Map<string, { at: string; answer: Answer; viaMerge: boolean }> {
  const byQuestion = new Map(answers.filter((a) => a.publishedAt).map((a) => [a.questionId, a]))
  const mergedAt = new Map(merges.map((m) => [m.questionId, m]))
  const out = new Map<string, { at: string; answer: Answer; viaMerge: boolean }>()
  for (const q of questions) {
    let id = q.id
    let at = ''
    const seen = new Set<string>()
    // Follow merges to the question that stands for this one; the asker got the answer no earlier
    // than the last merge on the way.
    for (let m = mergedAt.get(id); m && !seen.has(id); m = mergedAt.get(id)) {
      seen.add(id)
      if (m.at > at) at = m.at
      id = m.into
    }
    const answer = byQuestion.get(id)
    if (!answer?.publishedAt) continue
    const when = answer.publishedAt > at ? answer.publishedAt : at
    out.set(q.id, { at: when, answer, viaMerge: id !== q.id })
  }
  return out
}

/** Distinct askers: web visitors by visitor key, network posts by handle, others one each. */
export function uniqueAskers(questions: readonly ReportQuestion[]): number {
  return new Set(questions.map((q) => q.askerKey ?? `question:${q.id}`)).size
}

/** Counts of questions by arrival, source and outcome. */
export function questionFigures(
  chat: Pick<Chat, 'startsAt' | 'endsAt'>,
  questions: readonly ReportQuestion[],
  approvedIds: ReadonlySet<string>,
  answered: ReadonlyMap<string, { viaMerge: boolean }>,
): QuestionFigures {
  const inState = (s: string) => questions.filter((q) => q.state === s)
  const bySource = Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<Source, number>
  for (const q of questions) bySource[q.source]++
  const rejected = inState('rejected')
  const reasons = countBy(rejected, (q) => (q.rejectReason ?? '').trim() || 'No reason given')
  const answeredCount = inState('answered').length
  const awaiting = inState('approved').length
  return {
    received: questions.length,
    receivedBefore: questions.filter((q) => q.receivedAt < chat.startsAt).length,
    receivedDuring: questions.filter(
      (q) => q.receivedAt >= chat.startsAt && q.receivedAt < chat.endsAt,
    ).length,
    receivedAfter: questions.filter((q) => q.receivedAt >= chat.endsAt).length,
    bySource,
    uniqueAskers: uniqueAskers(questions),
    approved: questions.filter((q) => approvedIds.has(q.id)).length,
    answered: answeredCount,
    answeredViaMerge: [...answered.values()].filter((a) => a.viaMerge).length,
    redirected: inState('redirected').length,
    rejected: rejected.length,
    rejectedByReason: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    merged: inState('merged').length,
    pending: inState('pending').length,
    awaitingAnswer: awaiting,
    answerRate: ratio(answeredCount, answeredCount + awaiting),
  }
}
