import type { Chat } from '../domain/types.ts'
import type { Bucket } from './report.types.ts'
import { BUCKET_MS, bucketOf } from './stats.ts'

const empty = (start: string): Bucket => ({ start, questions: 0, answers: 0 })

/**
 * Questions received and answers published per 5-minute period of the chat (startsAt to endsAt),
 * with what came before and after as two totals, and the busiest periods at any time.
 */
export function activity(
  chat: Pick<Chat, 'startsAt' | 'endsAt'>,
  questionTimes: readonly string[],
  answerTimes: readonly string[],
  busiestCount = 3,
): { series: Bucket[]; before: Bucket; after: Bucket; busiest: Bucket[] } {
  const all = new Map<string, Bucket>()
  const at = (iso: string) => {
    const key = bucketOf(iso)
    let b = all.get(key)
    if (!b) {
      b = empty(key)
      all.set(key, b)
    }
    return b
  }
  for (const t of questionTimes) at(t).questions++
  for (const t of answerTimes) at(t).answers++

  const first = new Date(bucketOf(chat.startsAt)).getTime()
  const end = new Date(chat.endsAt).getTime()
  const series: Bucket[] = []
  for (let t = first; t < end || t === first; t += BUCKET_MS) {
    const key = new Date(t).toISOString()
    series.push({ ...(all.get(key) ?? empty(key)) })
  }
  const before = empty(chat.startsAt)
  const after = empty(chat.endsAt)
  for (const t of questionTimes) {
    if (t < chat.startsAt) before.questions++
    else if (t >= chat.endsAt) after.questions++
  }
  for (const t of answerTimes) {
    if (t < chat.startsAt) before.answers++
    else if (t >= chat.endsAt) after.answers++
  }
  const busiest = [...all.values()]
    .filter((b) => b.questions > 0)
    .sort(
      (a, b) =>
        b.questions - a.questions || b.answers - a.answers || a.start.localeCompare(b.start),
    )
    .slice(0, busiestCount)
    .map((b) => ({ ...b }))
  return { series, before, after, busiest }
}
