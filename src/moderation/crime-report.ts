import { identifiesSomeone, incidentAccount } from './incident-account.ts'
import {
  ASKING_HOW,
  AUTHORITIES,
  EVIDENCE,
  NOT_A_REPORT,
  OFFENCE,
  PAST_PRAISE,
  REPORT_INTENT,
  SERVICE_ISSUE,
} from './lexicons/crime.ts'
import { GRATITUDE } from './lexicons/thanks.ts'
import { PhraseMatcher, SENTENCE_END } from './normalise.ts'
import { type Prepared, prepare } from './prepared.ts'
import type { Mask } from './types.ts'

const intent = new PhraseMatcher(REPORT_INTENT)
const askingHow = new PhraseMatcher(ASKING_HOW)
const serviceIssue = new PhraseMatcher(SERVICE_ISSUE)
const evidence = new PhraseMatcher(EVIDENCE)
const offence = new PhraseMatcher(OFFENCE)
const notAReport = new Set(NOT_A_REPORT)
const gratitude = new PhraseMatcher(GRATITUDE)
const pastPraise = new PhraseMatcher(PAST_PRAISE)
const authorities = new Set(AUTHORITIES)
const WISH = new Set(['want', 'wants', 'wanted', 'like'])

/** Whether an asking word ("how do I", "should I") comes in tokens[from, at]'s sentence. */
function askedBefore(tokens: readonly string[], at: number, end: number): boolean {
  let from = Math.max(0, at - 4)
  const stop = tokens.lastIndexOf(SENTENCE_END, at)
  if (stop >= from) from = stop + 1
  for (const ask of askingHow.hits(tokens, from, end)) if (ask.at <= at) return true
  return false
}

/**
 * "We'd like the council and police to know", "I want trading standards to know": a wish that an
 * authority knows, within six words before "to know" (round 8).
 */
function wantsAuthorityToKnow(tokens: readonly string[]): boolean {
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i] !== 'to' || tokens[i + 1] !== 'know') continue
    let authority = false
    for (let k = i - 1; k >= Math.max(0, i - 7); k--) {
      const w = tokens[k] ?? ''
      if (w === SENTENCE_END) break
      if (authorities.has(w)) authority = true
      else if (WISH.has(w)) {
        if (authority && !askedBefore(tokens, k, i)) return true
        break
      }
    }
  }
  return false
}

/**
 * An intent phrase not preceded by "how do I", "should I"… in the few words before it, or a
 * sentence that opens with "Reporting …" ("Reporting a drink driver.", "Reporting kids setting
 * fire to bins"), which is how people head a report.
 */
export function reportIntent(tokens: readonly string[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== 'reporting' || (i > 0 && tokens[i - 1] !== SENTENCE_END)) continue
    const next = tokens[i + 1]
    if (next && next !== SENTENCE_END && !notAReport.has(next)) return 'reporting'
  }
  for (const hit of intent.hits(tokens)) {
    const end = hit.at + hit.phrase.split(' ').length
    // "do i need to report" asks; "i need to report" reports. An asking word inside the phrase
    // after its first word ("trace who did it") does not count.
    if (askedBefore(tokens, hit.at, end)) continue
    return hit.phrase
  }
  return wantsAuthorityToKnow(tokens) ? 'wants the authorities to know' : undefined
}

/**
 * A report of a specific incident rather than a question: an explicit wish to report, or an
 * offence described with evidence or identifying details (a vehicle registration).
 */
export function detectCrimeReport(
  input: string | Prepared,
  masks: readonly Mask[],
): string | undefined {
  const prepared = typeof input === 'string' ? prepare(input) : input
  const { text, tokens } = prepared
  const wants = reportIntent(tokens)
  if (wants && !serviceIssue.find(tokens)) return `wants to report ("${wants}")`
  // "Thank you for coming out about the stolen trailer… it's turned up": thanks for a case
  // handled, not a report (round 10).
  if (!wants && gratitude.find(tokens) && pastPraise.find(tokens)) return undefined
  const crime = offence.find(tokens)
  // Evidence alone makes a report only when the message asks nothing.
  if (!crime || text.includes('?')) return account(prepared, masks)
  if (evidence.find(tokens) || identifiesSomeone(masks)) {
    return `describes an offence ("${crime}") with details`
  }
  return account(prepared, masks)
}

function account(prepared: Prepared, masks: readonly Mask[]): string | undefined {
  const incident = incidentAccount(prepared, masks)
  return incident && `describes an incident ("${incident}")`
}
