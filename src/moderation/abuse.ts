import {
  AIMED_ONLY,
  DEFLECTORS,
  INSULTS,
  MASKED_STEMS,
  PROFANITY,
  TARGETS,
  THREATS,
} from './lexicons/abuse.ts'
import { PhraseMatcher } from './normalise.ts'
import { type Prepared, prepare } from './prepared.ts'

const threats = new PhraseMatcher(THREATS)
const profanity = new PhraseMatcher(PROFANITY)
const insults = new PhraseMatcher(INSULTS)
const targets = new Set(TARGETS)
const deflectors = new Set(DEFLECTORS)

/** True when an asterisked word could hide a strong swear word ("f***", "sh*tbags"). */
export function isMaskedSwear(word: string): boolean {
  const star = word.indexOf('*')
  if (star <= 0) return false
  const head = word.slice(0, star)
  return MASKED_STEMS.some((stem) => stem.length > head.length && stem.startsWith(head))
}

/**
 * Insults, threats and directed swearing aimed at the organisation, its staff or other
 * participants. Criticism without insults stays a comment.
 */
export function detectAbuse(input: string | Prepared): string | undefined {
  const prepared = typeof input === 'string' ? prepare(input) : input
  const list = prepared.tokens.map((w) => (isMaskedSwear(w) ? 'fuck' : w))
  const threat = threats.find(list)
  if (threat) return `threat ("${threat}")`
  const swear = profanity.find(list)
  if (swear && (swear.includes(' ') || list.some((w) => targets.has(w)))) return 'directed swearing'
  for (const hit of insults.hits(list)) {
    const lead = list.slice(Math.max(0, hit.at - 2), hit.at)
    const after = hit.at + hit.phrase.split(' ').length
    const around = [...list.slice(Math.max(0, hit.at - 4), hit.at), ...list.slice(after, after + 3)]
    const aimed = around.some((w) => targets.has(w))
    if (AIMED_ONLY.has(hit.phrase) && !aimed) continue
    // "a few idiots", "like an idiot": aimed elsewhere or at oneself.
    if (!aimed && lead.some((w) => deflectors.has(w))) continue
    return `insult ("${hit.phrase}")`
  }
  return undefined
}
