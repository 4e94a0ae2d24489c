import { OPERATOR_VERBS, SPEECH_VERBS, STAFF_NOUNS } from './lexicons/abuse.ts'
import { SENTENCE_END } from './normalise.ts'

const staffNouns = new Set(STAFF_NOUNS)
const speech = new Set(SPEECH_VERBS)
const operatorVerbs = new Set(OPERATOR_VERBS)
const WHOEVER = new Set(['whoever', "whoever's", 'whoevers'])
const BE_NOW = new Set(['is', 'was', "'s"])
const COPULA = new Set(['is', 'was', 'are', 'were', 'being'])
/** Words that may stand between the verb and the insult ("was an absolute joke"). */
const FILLER = new Set([
  'a',
  'an',
  'so',
  'such',
  'just',
  'really',
  'absolutely',
  'totally',
  'completely',
  'utterly',
  'bloody',
  'complete',
  'utter',
  'total',
  'proper',
])
/** "are the rudest jumped up…": an article or a superlative may stand there too (round 10). */
const filler = (w: string) =>
  FILLER.has(w) || w === 'the' || w === 'worst' || (SUPERLATIVE.test(w) && !NOT_SUPERLATIVE.has(w))
const SUPERLATIVE = /^[a-z]{3,}est$/
const NOT_SUPERLATIVE = new Set(['honest', 'modest', 'interest', 'request', 'arrest', 'protest'])

/**
 * Criticism words that stay criticism when said of staff ("the officer was useless"): only
 * name-calling ("stupid plod", "useless coppers") aims them.
 */
const CRITICISM = new Set(['useless', 'incompetent', 'overpaid', 'corrupt', 'greedy', 'lazy'])

/**
 * Whether an insult at list[at, end) is placed on the organisation's people: right before a
 * staff noun ("stupid plod", "useless coppers"), or said of one in its sentence ("the nurse on
 * the line last night was a pathetic joke", "whoever's answering tonight is a halfwit"), unless
 * someone else is quoted in between ("the officer said the system is a joke").
 */
export function aimedAtStaff(
  list: readonly string[],
  at: number,
  end: number,
  phrase: string,
): boolean {
  if (staffNouns.has(list[end] ?? '')) return true
  if (CRITICISM.has(phrase)) return false
  let verb = at - 1
  while (verb >= at - 3 && filler(list[verb] ?? '')) verb--
  if (!COPULA.has(list[verb] ?? '')) return false
  for (let k = verb - 1; k >= Math.max(0, verb - 8); k--) {
    const w = list[k] ?? ''
    if (w === SENTENCE_END || speech.has(w)) return false
    if (staffNouns.has(w) || operates(list, k)) return true
  }
  return false
}

/** "whoever is running this account", "whoever's answering": the person behind the chat. */
function operates(list: readonly string[], at: number): boolean {
  if (!WHOEVER.has(list[at] ?? '')) return false
  const next = BE_NOW.has(list[at + 1] ?? '') ? at + 2 : at + 1
  return operatorVerbs.has(list[next] ?? '')
}
