import { CONCESSION_VERBS, COURTESY, GRATITUDE, SARCASM, SARCASM_EMOJI } from './lexicons/thanks.ts'
import { PhraseMatcher, words } from './normalise.ts'

const gratitude = new PhraseMatcher(GRATITUDE)
const courtesy = new PhraseMatcher(COURTESY)
const sarcasm = new PhraseMatcher(SARCASM)
/**
 * "I appreciate the team is small, but…": "appreciate" before a clause concedes (round 11). At
 * most three words, without punctuation, between it and the clause's verb; bounded, so linear.
 */
const CONCESSION = new RegExp(
  String.raw`\bappreciate (?:[\p{L}'’-]+ ){0,3}(?:${CONCESSION_VERBS.map((v) => v.replace("'", "['’]")).join('|')})(?![\p{L}'’])`,
  'giu',
)

// "… Thanks, Aisha Rahman" / "Many thanks, Sue": a sign-off with a name is courtesy.
// Case is matched by hand, not with the i flag: under /iu, \p{Lu} also matches lower-case letters,
// so "…, thank you all" read "all" as a name and dropped the thanks.
const SIGN_OFF =
  /[.!?\n,]\s{0,5}(?:[Mm]any [Tt]hanks|[Tt]hanks|THANKS|[Tt]hank [Yy]ou|[Cc]heers|[Rr]egards|[Kk]ind [Rr]egards|[Bb]est [Ww]ishes)[,.!]{0,3}\s{0,5}\p{Lu}\p{Ll}{1,20}(?: \p{Lu}\p{Ll}{1,25})?[.!]?\s{0,5}$/u

function isSarcastic(text: string, tokens: readonly string[]): boolean {
  if (SARCASM_EMOJI.some((e) => text.includes(e))) return true
  // Shouted "ALREADY" / "NOTHING" next to thanks is irony.
  if (/\b(?:ALREADY|NOTHING)\b/.test(text)) return true
  return sarcasm.find(tokens) !== undefined
}

/** Gratitude phrases that are not part of a courtesy formula ("thanks in advance"). */
function gratitudeOutsideCourtesy(tokens: readonly string[], mustThankFor: boolean): boolean {
  const covered = new Set<number>()
  for (const hit of courtesy.hits(tokens)) {
    for (let k = 0; k < hit.phrase.split(' ').length; k++) covered.add(hit.at + k)
  }
  for (const hit of gratitude.hits(tokens)) {
    if (covered.has(hit.at)) continue
    const next = tokens[hit.at + hit.phrase.split(' ').length]
    if (!mustThankFor || next === 'for') return true
  }
  return false
}

/**
 * Genuine thanks or appreciation. Courtesy formulas ("thanks in advance", a "Thanks, <name>"
 * sign-off after a question) and sarcastic thanks do not count. After the last question mark
 * only "thanks for …" counts: that thanks for something already given.
 */
export function detectThanks(text: string, tokens?: readonly string[]): boolean {
  // Most messages thank nobody: with the whole message's words at hand, that is one pass.
  if (tokens && gratitude.find(tokens) === undefined) return false
  const body = text.replace(SIGN_OFF, '').replace(CONCESSION, '')
  const lastQuestion = body.lastIndexOf('?')
  const head = words(lastQuestion >= 0 ? body.slice(0, lastQuestion) : body)
  const tail = lastQuestion >= 0 ? words(body.slice(lastQuestion + 1)) : []
  if (!gratitudeOutsideCourtesy(head, false) && !gratitudeOutsideCourtesy(tail, true)) return false
  return !isSarcastic(text, [...head, ...tail])
}
