import type { Report } from './report.types.ts'
import { duration, percent } from './stats.ts'

export interface Figure {
  label: string
  value: string
}

const or = (v: number | null, none: string) => (v === null ? none : String(v))

/** The report's key figures as label and value, shared by the HTML, PDF and Markdown exports. */
export function keyFigures(r: Report): Figure[] {
  const q = r.questions
  const a = r.audience
  return [
    { label: 'Questions received', value: String(q.received) },
    { label: 'Received before the chat', value: String(q.receivedBefore) },
    { label: 'Received during the chat', value: String(q.receivedDuring) },
    { label: 'Unique askers', value: String(q.uniqueAskers) },
    { label: 'Published', value: String(q.approved) },
    { label: 'Answered', value: String(q.answered) },
    { label: 'Answered through a merged question', value: String(q.answeredViaMerge) },
    { label: 'Answer rate', value: percent(q.answerRate) },
    { label: 'Redirected to 999/101', value: String(q.redirected) },
    { label: 'Declined', value: String(q.rejected) },
    { label: 'Merged', value: String(q.merged) },
    { label: 'Not yet reviewed', value: String(q.pending) },
    { label: 'Median time to answer', value: duration(r.timeToAnswer.medianSeconds) },
    { label: '90th percentile time to answer', value: duration(r.timeToAnswer.p90Seconds) },
    { label: 'Upvotes', value: String(r.reactions.upvotes) },
    { label: 'Thanks', value: String(r.reactions.thanks) },
    { label: 'Thank-you messages', value: String(r.reactions.thankYouMessages) },
    { label: 'Peak live viewers', value: or(a.peakViewers, 'not recorded') },
    { label: 'Live page viewers', value: or(a.liveViewers, 'not recorded') },
    {
      label: 'Answer page views',
      value: a.recorded ? String(a.answerViews.reduce((n, v) => n + v.views, 0)) : 'not recorded',
    },
    {
      label: 'Network reach (reposts, likes, replies)',
      value: r.reach.connected
        ? r.reach.byNetwork
            .map((n) => `${n.network}: ${n.reposts}, ${n.likes}, ${n.replies}`)
            .join('; ')
        : 'not connected',
    },
  ]
}
