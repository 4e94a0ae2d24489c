/** Small numeric helpers with one definition each (docs/report.md). */

/** The nearest-rank percentile: the smallest value with at least `p`% of values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1] ?? null
}

export const BUCKET_MS = 5 * 60_000

/** The start of the 5-minute period (aligned to UTC clock time) holding `iso`. */
export function bucketOf(iso: string): string {
  const t = new Date(iso).getTime()
  return new Date(Math.floor(t / BUCKET_MS) * BUCKET_MS).toISOString()
}

export const secondsBetween = (from: string, to: string) =>
  Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000))

/** Counts items by a key, keeping first-seen order. */
export function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>()
  for (const i of items) out.set(key(i), (out.get(key(i)) ?? 0) + 1)
  return out
}

/** A ratio rounded to 4 decimal places, or null for 0/0. */
export const ratio = (a: number, b: number) =>
  b === 0 ? null : Math.round((a / b) * 10_000) / 10_000

/** "1 h 05 min", "12 min 30 s", "45 s": a duration for people. */
export function duration(seconds: number | null): string {
  if (seconds === null) return '–'
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`
  return `${s} s`
}

export const percent = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`)

/** "1 question", "3 questions". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
