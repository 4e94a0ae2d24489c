import type { TimeToAnswer } from './report.types.ts'
import { percentile } from './stats.ts'

const BANDS: Array<[label: string, upTo: number]> = [
  ['under 5 min', 5 * 60],
  ['5–15 min', 15 * 60],
  ['15–30 min', 30 * 60],
  ['30–60 min', 60 * 60],
  ['1–3 hours', 3 * 3600],
  ['3–24 hours', 24 * 3600],
  ['over a day', Number.POSITIVE_INFINITY],
]

/** Median, 90th percentile and a banded distribution of waits for an answer, in seconds. */
export function timeToAnswer(waits: readonly number[]): TimeToAnswer {
  const distribution = BANDS.map(([label]) => ({ label, count: 0 }))
  for (const w of waits) {
    const i = BANDS.findIndex(([, upTo]) => w < upTo)
    const band = distribution[i]
    if (band) band.count++
  }
  return {
    count: waits.length,
    medianSeconds: percentile(waits, 50),
    p90Seconds: percentile(waits, 90),
    distribution,
  }
}
