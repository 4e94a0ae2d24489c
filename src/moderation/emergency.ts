import { reportIntent } from './crime-report.ts'
import {
  ASKING_OPENERS,
  DANGER,
  DANGER_IF_STRONG,
  HAZARD,
  IN_PROGRESS,
  NOT_NOW,
  PRESENT,
  SAFE_CONTEXT,
  STRONG_NOW,
  WEAK_NOW,
} from './lexicons/emergency.ts'
import { type PhraseHit, PhraseMatcher } from './normalise.ts'
import { type Prepared, prepare } from './prepared.ts'

const danger = new PhraseMatcher(DANGER)
const dangerIfStrong = new PhraseMatcher(DANGER_IF_STRONG)
const hazard = new PhraseMatcher(HAZARD)
const inProgress = new PhraseMatcher(IN_PROGRESS)
const notNow = new PhraseMatcher(NOT_NOW)
const strongNow = new PhraseMatcher(STRONG_NOW)
const weakNow = new PhraseMatcher(WEAK_NOW)
const present = new PhraseMatcher(PRESENT)
const safeContext = new PhraseMatcher(SAFE_CONTEXT)
const askingOpeners = new Set(ASKING_OPENERS)
const YEAR = /^(?:19|20)\d\d$/
/** Words either side of a hazard searched for a present-tense frame. */
const BEFORE = 6
const AFTER = 4

/** Hits in tokens[from, to) that do not start inside a safe context ("smoke alarm"). */
function* hitsOutside(
  matcher: PhraseMatcher,
  tokens: readonly string[],
  from: number,
  to: number,
  safe: ReadonlySet<number>,
): Generator<PhraseHit> {
  for (const hit of matcher.hits(tokens, from, to)) if (!safe.has(hit.at)) yield hit
}

function firstHit(
  matcher: PhraseMatcher,
  tokens: readonly string[],
  from: number,
  to: number,
  safe: ReadonlySet<number>,
): PhraseHit | undefined {
  for (const hit of hitsOutside(matcher, tokens, from, to, safe)) return hit
  return undefined
}

/** True when a present-tense frame ("is", "there's", "won't", "has") is near the hit. */
function inPresentFrame(tokens: readonly string[], hit: PhraseHit, from: number, to: number) {
  const end = hit.at + hit.phrase.split(' ').length
  return (
    present.find(tokens, Math.max(from, hit.at - BEFORE), hit.at) !== undefined ||
    present.find(tokens, end, Math.min(to, end + AFTER)) !== undefined
  )
}

/**
 * Danger happening now. Each sentence that is not hypothetical, dated, habitual or denied ("if",
 * "last year", "every night", "isn't in danger") and does not open as a question about a
 * situation ("is chest pain…", "what should…") is checked for:
 * - harm described as ongoing ("is choking", "not breathing", "smoke coming", "live lane");
 * - a hazard (injury, symptom, fire, water, weapon, self-harm, missing person) with a sign of the
 *   present: a strong one anywhere ("right now", "send help"), a weak one in the sentence
 *   ("just", "still", "minutes"), or a present-tense frame around it ("he's unconscious",
 *   "there's smoke", "has taken all his tablets");
 * - a situation that is dangerous only at this moment ("at her door") with a strong or weak sign.
 * A message that says it is reporting something needs a strong sign: a report is for 101.
 */
export function detectEmergency(input: string | Prepared): string | undefined {
  const { tokens, sentences } = typeof input === 'string' ? prepare(input) : input
  const current = sentences.filter(([from, to]) => {
    if (notNow.find(tokens, from, to)) return false
    for (let i = from; i < to; i++) if (YEAR.test(tokens[i] ?? '')) return false
    return true
  })
  const safe = new Set<number>()
  for (const hit of safeContext.hits(tokens)) safe.add(hit.at)
  const anyStrong = current.some(([from, to]) => strongNow.find(tokens, from, to))
  const reporting = reportIntent(tokens) !== undefined
  for (const [from, to] of current) {
    const strongHere = strongNow.find(tokens, from, to) !== undefined
    // "Is chest pain after a booster…?", "what's the safest way to put out a candle fire?"
    if (askingOpeners.has(tokens[from] ?? '') && !strongHere) continue
    const weak = weakNow.find(tokens, from, to)
    const ongoing = firstHit(inProgress, tokens, from, to, safe)
    if (ongoing && (!reporting || anyStrong)) return `harm in progress ("${ongoing.phrase}")`
    const serious = firstHit(hazard, tokens, from, to, safe)
    if (serious) {
      if (anyStrong) return `"${serious.phrase}" happening now`
      if (!reporting && weak) return `"${serious.phrase}" with "${weak}"`
      if (!reporting) {
        for (const hit of hitsOutside(hazard, tokens, from, to, safe)) {
          if (inPresentFrame(tokens, hit, from, to)) return `"${hit.phrase}" described as current`
        }
      }
    }
    const situation = firstHit(danger, tokens, from, to, safe)
    if (situation && anyStrong) return `"${situation.phrase}" happening now`
    if (situation && !reporting && weak) return `"${situation.phrase}" with "${weak}"`
    const caller = anyStrong ? dangerIfStrong.find(tokens, from, to) : undefined
    if (caller) return `"${caller}" happening now`
  }
  return undefined
}
