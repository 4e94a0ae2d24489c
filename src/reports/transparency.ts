import { applyMasks, findPii } from '../moderation/index.ts'
import type { Report } from './report.types.ts'

/** What the public may know about how a closed chat's questions were handled; counts only. */
export interface TransparencySummary {
  chat: { slug: string; title: string; hashtag: string; startsAt: string; endsAt: string }
  received: number
  /** Put on the public feed at some point. */
  published: number
  answered: number
  /** Emergencies and crime reports sent the organisation's 999/101 guidance privately. */
  redirected: number
  declined: number
  declinedByReason: Array<{ reason: string; count: number }>
  /** Combined with a question asking the same thing (answered there). */
  merged: number
  /** On the feed when the chat closed, not answered. */
  unanswered: number
  /** Never reviewed by a moderator. */
  notReviewed: number
}

export const OTHER_REASON = 'Other reason'
const RUN = 5

const words = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)

/** True when `reason` repeats a run of five or more words of `text`. */
function quotes(reason: string, text: string): boolean {
  const r = words(reason)
  if (r.length < RUN) return false
  const t = ` ${words(text).join(' ')} `
  for (let i = 0; i + RUN <= r.length; i++) {
    if (t.includes(` ${r.slice(i, i + RUN).join(' ')} `)) return true
  }
  return false
}

/**
 * A moderator's reason as the public may see it: personal data masked, and "Other reason" if it
 * quotes five or more words of any question in the chat, whatever its state (a moderator may paste
 * them; they are private). Shorter quotes are not caught: the console offers a fixed list of
 * reasons so free text stays rare.
 */
export function publicReason(reason: string, privateTexts: readonly string[]): string {
  const masked = applyMasks(reason, findPii(reason)).trim()
  if (!masked || privateTexts.some((t) => quotes(reason, t))) return OTHER_REASON
  return masked
}

/** [R7] The public summary of a report: counts, and declined reasons made safe; never a question's words. */
export function transparencyOf(
  report: Report,
  privateTexts: readonly string[],
): TransparencySummary {
  const q = report.questions
  const reasons = new Map<string, number>()
  for (const { reason, count } of q.rejectedByReason) {
    const safe = publicReason(reason, privateTexts)
    reasons.set(safe, (reasons.get(safe) ?? 0) + count)
  }
  const { slug, title, hashtag, startsAt, endsAt } = report.chat
  return {
    chat: { slug, title, hashtag, startsAt, endsAt },
    received: q.received,
    published: q.approved,
    answered: q.answered,
    redirected: q.redirected,
    declined: q.rejected,
    declinedByReason: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    merged: q.merged,
    unanswered: q.awaitingAnswer,
    notReviewed: q.pending,
  }
}
