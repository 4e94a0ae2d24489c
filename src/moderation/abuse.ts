import {
  AIMED_ONLY,
  DEFLECTORS,
  INSULTS,
  MASKED_STEMS,
  PROFANITY,
  SELF,
  TARGETS,
  THREATS,
  WISH_TARGETS,
  WISHED_HARM,
} from './lexicons/abuse.ts'
import { PhraseMatcher, SENTENCE_END } from './normalise.ts'
import { type Prepared, prepare } from './prepared.ts'

const threats = new PhraseMatcher(THREATS)
const profanity = new PhraseMatcher(PROFANITY)
const insults = new PhraseMatcher(INSULTS)
const targets = new Set(TARGETS)
const deflectors = new Set(DEFLECTORS)
const self = new Set(SELF)
const wishedHarm = new Set(WISHED_HARM)
const wishTargets = new Set(WISH_TARGETS)
const RELATIVE = new Set(['who', 'that', 'which', 'whos', "who's"])
const DEFINITE = new Set(['the', 'those', 'these', 'whoever', 'whichever'])

/**
 * True when an asterisked word could hide a strong swear word: the letters before the first "*"
 * start a stem ("f***", "p*ss"), or end in the start of one inside a compound ("gobsh*tes").
 */
export function isMaskedSwear(word: string): boolean {
  const star = word.indexOf('*')
  if (star <= 0) return false
  const head = word.slice(0, star)
  if (!/^[a-z]+$/.test(head)) return false
  for (let k = 0; k < head.length; k++) {
    const part = head.slice(k)
    if (MASKED_STEMS.some((stem) => stem.length > part.length && stem.startsWith(part))) {
      return k === 0 || part.length >= 2
    }
  }
  return false
}

/** "hope … your office floods", "hope you all lose your jobs": harm wished on the reader. */
function wishesHarm(list: readonly string[]): boolean {
  for (let i = 0; i < list.length; i++) {
    if (list[i] !== 'hope' && list[i] !== 'hopes') continue
    let aimed = false
    for (let k = i + 1; k < Math.min(list.length, i + 8); k++) {
      const w = list[k] ?? ''
      if (w === SENTENCE_END) break
      if (wishTargets.has(w)) aimed = true
      else if (aimed && wishedHarm.has(w)) return true
    }
  }
  return false
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
  if (wishesHarm(list)) return 'wishes harm'
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
    // "I feel like such an idiot": the speaker, not the reader.
    const before = list.slice(Math.max(0, hit.at - 4), hit.at)
    if (before.some((w) => self.has(w)) && !before.some((w) => w === 'you' || w === 'u')) continue
    // "the scum who dumped…": an unnamed third party, not someone in the chat.
    const relative = RELATIVE.has(list[after] ?? '')
    if (relative && DEFINITE.has(list[hit.at - 1] ?? '') && !around.includes('you')) continue
    return `insult ("${hit.phrase}")`
  }
  return undefined
}
