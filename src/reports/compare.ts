import type { Headline } from './report.types.ts'
import { duration, percent } from './stats.ts'

export interface ComparisonRow {
  figure: keyof Headline
  label: string
  values: Array<number | null>
  /** The values as people read them ("72%", "4 min 10 s", "–"). */
  shown: string[]
}

type Figure = [keyof Headline, string, (v: number | null) => string]

const count = (v: number | null) => (v === null ? '–' : String(v))

const FIGURES: Figure[] = [
  ['received', 'Questions received', count],
  ['uniqueAskers', 'Unique askers', count],
  ['approved', 'Published', count],
  ['answered', 'Answered', count],
  ['answerRate', 'Answer rate', percent],
  ['medianSeconds', 'Median time to answer', duration],
  ['p90Seconds', '90th percentile time to answer', duration],
  ['upvotes', 'Upvotes', count],
  ['thanks', 'Thanks', count],
  ['peakViewers', 'Peak live viewers', count],
  ['liveViewers', 'Live page viewers', count],
]

/** The organisation's chats side by side, one row per figure, oldest chat first. */
export function comparisonTable(chats: readonly Headline[]): ComparisonRow[] {
  return FIGURES.map(([figure, label, show]) => {
    const values = chats.map((c) => c[figure] as number | null)
    return { figure, label, values, shown: values.map(show) }
  })
}
