import { isMaskedSwear } from '../abuse.ts'
import { reportIntent } from '../crime-report.ts'
import { isCalm } from '../emergency.ts'
import { INSULTS, PROFANITY, STAFF, TARGETS, THREATS } from '../lexicons/abuse.ts'
import { ASKING_HOW, EVIDENCE, OFFENCE, SERVICE_ISSUE } from '../lexicons/crime.ts'
import {
  DANGER,
  HAZARD,
  IN_PROGRESS,
  NOT_NOW,
  PRESENT,
  SAFE_CONTEXT,
  STRONG_NOW,
  WEAK_NOW,
} from '../lexicons/emergency.ts'
import { FAREWELL, INTENT as SELF_HARM_INTENT, TAKING } from '../lexicons/self-harm.ts'
import { HELPLESS_CUES } from '../lexicons/situation.ts'
import { QUOTING_SPAM } from '../lexicons/spam.ts'
import { PhraseGroups } from '../normalise.ts'
import type { Prepared } from '../prepared.ts'
import { describeSituation } from '../situation.ts'
import { phishingShape, spamSignals } from '../spam.ts'
import type { Mask } from '../types.ts'

/**
 * Where features go: a `Set` when training, or a model's scorer at runtime, which looks each one up
 * as it comes and keeps none of the thousands the model has no weight for.
 */
export interface FeatureSink {
  add(feature: string): unknown
  /**
   * Takes a word's `w:` feature and its character n-grams at once, when the sink can do better
   * than one `add` each (the scorer remembers which of them carry weight, per word).
   */
  addWord?(word: string): void
}

/** What the rule detectors decided, passed in so that nothing is computed twice. */
export interface RuleVerdicts {
  emergency?: string
  spam?: string
  crime?: string
  abuse?: string
  question: boolean
  thanks: boolean
  masks: Mask[]
}

/** Lexicon groups whose presence anywhere in a message is a signal, whatever the rules made of it. */
const LEXICON_SIGNALS: Record<string, readonly string[]> = {
  hazard: HAZARD,
  danger: DANGER,
  'in progress': IN_PROGRESS,
  'strong now': STRONG_NOW,
  'weak now': WEAK_NOW,
  'present frame': PRESENT,
  'not now': NOT_NOW,
  'safe context': SAFE_CONTEXT,
  'no way out': HELPLESS_CUES,
  'insult word': INSULTS,
  'swear word': PROFANITY,
  'threat phrase': THREATS,
  offence: OFFENCE,
  evidence: EVIDENCE,
  'asks how to': ASKING_HOW,
  'service issue': SERVICE_ISSUE,
  'quotes spam': QUOTING_SPAM,
  'self-harm': [...SELF_HARM_INTENT, ...FAREWELL, ...TAKING],
}
const lexicon = new PhraseGroups(LEXICON_SIGNALS)
const targets = new Set(TARGETS)
const staff = new Set(STAFF)
const SECOND_PERSON = new Set(['you', 'u', 'ur', 'your', 'yours', 'yourselves', 'yous'])
const FIRST_PERSON = new Set(['i', 'im', "i'm", 'my', 'me', 'we', 'our', 'us', "we're", "i've"])
const LINK = /\bhttps?:\/\/|\bwww\.|\.example\b|\.(?:com|co\.uk|net|io|xyz)\b/i
const AMOUNT = /£\s?\d/
const DIGITS = /^\d{3,}$/
/** Numbers people ring or quote as such: kept as words. Other numbers are all alike. */
const SERVICE_NUMBERS = new Set(['999', '101', '111', '112', '119', '105', '159'])
/**
 * Pieces of a link: the link itself is a feature (`shape:link`), its pieces are not. `example` is
 * the reserved domain of every link and address in the labelled data, so as a word it would teach
 * the model the data set, not spam.
 */
const LINK_PIECES = new Set(['http', 'https', 'www', 'example'])
const EMOJI = /\p{Extended_Pictographic}/u
const SHOUT = /\b[A-Z]{4,}\b/g

/** The first word of each reason string ("harm in progress (…)" → "harm in progress"). */
function reasonHead(reason: string): string {
  return reason.replace(/\s*[(":].*$/, '')
}

/** Letters in a character n-gram: enough to share a stem ("threat" in "threatening"). */
const CHAR_N = 4
/** Longer "words" (a pasted link, a wall of letters) get no n-grams: they are not words. */
const CHAR_MAX = 24

/**
 * Words, adjacent word pairs and character 4-grams inside words (with `<` `>` marking the word's
 * edges) of the folded text. The 4-grams let the model read words it never saw in training
 * through the stems they share with words it did ("stabbing", "stabbed"). Numbers of three or
 * more digits are one token (a phone number, a price or a reference is not a word; 999, 101 and
 * 111 are). Hashtags are left out: a chat's own hashtag would teach the model the chat, not the
 * kind.
 */
export function textFeatures<S extends FeatureSink>(prepared: Prepared, out: S): S {
  const hashtags = new Set(
    (prepared.text.match(/#[\p{L}\p{N}_]{1,50}/gu) ?? []).map((h) => h.slice(1).toLowerCase()),
  )
  // Features are binary: a word seen before adds nothing new but its pair with the word before.
  const seen = new Set<string>()
  let prev = '^'
  for (const raw of prepared.tokens) {
    if (hashtags.has(raw) || LINK_PIECES.has(raw)) continue
    const w = DIGITS.test(raw) && !SERVICE_NUMBERS.has(raw) ? '000' : raw
    out.add(`b:${prev} ${w}`)
    prev = w
    if (seen.has(w)) continue
    seen.add(w)
    if (out.addWord) out.addWord(w)
    else for (const f of wordFeatures(w)) out.add(f)
  }
  return out
}

/** A word's own feature and its character n-grams (with `<` `>` marking the word's edges). */
export function wordFeatures(w: string): string[] {
  const features = [`w:${w}`]
  if (w.length > CHAR_MAX) return features
  const edged = `<${w}>`
  for (let i = 0; i + CHAR_N <= edged.length; i++) features.push(`c:${edged.slice(i, i + CHAR_N)}`)
  return features
}

/**
 * The features the kind model reads: the rules' verdicts and reasons, the sub-signals they are
 * built from (spam signals, phishing parts, the situation model's parts, lexicon groups found
 * anywhere), personal-data types, and words and word pairs. All are binary.
 */
export function extractFeatures(prepared: Prepared, verdicts: RuleVerdicts): Set<string>
export function extractFeatures<S extends FeatureSink>(
  prepared: Prepared,
  verdicts: RuleVerdicts,
  out: S,
): S
export function extractFeatures(
  prepared: Prepared,
  verdicts: RuleVerdicts,
  out: FeatureSink = new Set<string>(),
): FeatureSink {
  const { text, tokens } = prepared
  textFeatures(prepared, out)
  const rule = (name: string, reason: string | undefined) => {
    if (!reason) return
    out.add(`r:${name}`)
    out.add(`r:${name}: ${reasonHead(reason)}`)
  }
  rule('emergency', verdicts.emergency)
  rule('spam', verdicts.spam)
  rule('crime report', verdicts.crime)
  rule('abuse', verdicts.abuse)
  if (verdicts.question) out.add('r:question')
  if (verdicts.thanks) out.add('r:thanks')
  for (const m of verdicts.masks) out.add(`pii:${m.type}`)

  const signals = spamSignals(prepared, verdicts.masks)
  for (const s of signals) out.add(`spam signal:${s}`)
  out.add(`spam signals:${Math.min(4, signals.length)}`)
  for (const part of phishingShape(prepared)) out.add(`phishing:${part}`)

  const situation = describeSituation(prepared)
  if (situation.hazard) {
    out.add(`situation:${situation.hazard.replace(/:.*$/, '')}`)
    out.add(`situation score:${Math.min(6, situation.score)}`)
    if (situation.now) out.add('situation:now')
    if (situation.exposure) out.add('situation:exposed')
    if (situation.helpless) out.add('situation:no way out')
  }
  if (isCalm(prepared)) out.add('calm')
  if (reportIntent(tokens)) out.add('report intent')

  for (const group of lexicon.found(tokens).keys()) out.add(`lex:${group}`)
  let second = false
  let first = false
  for (const w of tokens) {
    if (SECOND_PERSON.has(w)) second = true
    if (FIRST_PERSON.has(w)) first = true
    if (targets.has(w)) out.add('lex:target')
    if (staff.has(w)) out.add('lex:staff')
    if (w.includes('*') && isMaskedSwear(w)) out.add('lex:masked swear')
  }
  if (second) out.add('shape:second person')
  if (first) out.add('shape:first person')
  if (LINK.test(text)) out.add('shape:link')
  if (AMOUNT.test(text)) out.add('shape:amount')
  if (text.includes('?')) out.add('shape:question mark')
  if (text.includes('!')) out.add('shape:exclamation')
  if (EMOJI.test(text)) out.add('shape:emoji')
  if ((text.match(SHOUT)?.length ?? 0) >= 2) out.add('shape:shouting')
  out.add(`shape:length ${Math.min(4, Math.floor(tokens.length / 15))}`)
  return out
}
