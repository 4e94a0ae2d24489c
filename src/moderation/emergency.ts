import { wishesHarm } from './abuse.ts'
import { reportIntent } from './crime-report.ts'
import {
  ALONE,
  AT_RISK,
  DANGER,
  DANGER_IF_STRONG,
  DURATION_COUNTS,
  DURATION_UNITS,
  FIRE_SOURCES,
  FLAMES,
  GONE,
  HABIT_VERBS,
  HAZARD,
  IN_PROGRESS,
  LIP_COLOURS,
  LIPS,
  NEAR_HAZARD,
  NOT_NOW,
  PRESENT,
  REASSURANCE,
  RED_FLAGS,
  SEPSIS_SIGNS,
  SPREADING,
  STRONG_NOW,
  SWALLOWED,
  SWALLOWED_ITEMS,
  TOWARDS_US,
  VULNERABLE,
  WEAK_NOW,
  WITH_THEM,
} from './lexicons/emergency.ts'
import { type PhraseHit, PhraseMatcher } from './normalise.ts'
import { type Prepared, prepare } from './prepared.ts'
import { selfHarmNow } from './self-harm.ts'
import {
  hasRemarkMark,
  liveUntil,
  mayCutAt,
  notNowIn,
  opensAsQuestion,
  recentlyDated,
  safePositions,
  situationEmergency,
} from './situation.ts'
import { looksLikePhishing } from './spam.ts'

const danger = new PhraseMatcher(DANGER)
const dangerIfStrong = new PhraseMatcher(DANGER_IF_STRONG)
const hazard = new PhraseMatcher(HAZARD)
const inProgress = new PhraseMatcher(IN_PROGRESS)
const notNow = new PhraseMatcher(NOT_NOW)
const strongNow = new PhraseMatcher(STRONG_NOW)
const weakNow = new PhraseMatcher(WEAK_NOW)
const present = new PhraseMatcher(PRESENT)
const reassurance = new PhraseMatcher(REASSURANCE)
const swallowed = new Set(SWALLOWED)
const swallowedItems = new PhraseMatcher(SWALLOWED_ITEMS)
const durationCounts = new PhraseMatcher(DURATION_COUNTS)
const durationUnits = new Set(DURATION_UNITS)
const spreading = new PhraseMatcher(SPREADING)
const fireSources = new PhraseMatcher(FIRE_SOURCES)
const vulnerable = new PhraseMatcher(VULNERABLE)
const alone = new PhraseMatcher(ALONE)
const nearHazard = new PhraseMatcher(NEAR_HAZARD)
const withThem = new PhraseMatcher(WITH_THEM)
const redFlags = new PhraseMatcher(RED_FLAGS)
const towardsUs = new PhraseMatcher(TOWARDS_US)
const lips = new Set(LIPS)
const lipColours = new Set(LIP_COLOURS)
const habitVerbs = new Set(HABIT_VERBS)
const flames = new PhraseMatcher(FLAMES)
const gone = new PhraseMatcher(GONE)
const atRisk = new PhraseMatcher(AT_RISK)
const sepsisSigns = SEPSIS_SIGNS.map((signs) => new PhraseMatcher(signs))
const anySepsisSign = new PhraseMatcher(SEPSIS_SIGNS.flat())
/** "and now", "but now": a sentence turning from the past to the present. */
const TURN = new Set(['and', 'but'])
/** Someone the signs are in: a leaflet listing "rash, fever, being sick" names nobody. */
const SUFFERER = new Set([
  'i',
  "i'm",
  'im',
  'my',
  'me',
  'he',
  "he's",
  'hes',
  'his',
  'him',
  'she',
  "she's",
  'shes',
  'her',
  'baby',
  'son',
  'daughter',
  'toddler',
  'child',
])
/** Different signs of sepsis or meningitis that together make an emergency. */
const SEPSIS_CLUSTER = 3
const MODALS = new Set(['can', 'could', 'might', 'may', 'would', 'will', 'should'])
/** "from tonight", "for tonight": the session, not the moment. */
const SESSION_LEAD = new Set(['from', 'for', 'of', 'about', 'after', 'since', 'during'])
// A road number as written ("the A47"); leetspeak folding garbles it in the tokens.
const ROAD_NUMBER = /\b[ABM]\d{1,4}\b/
const NUMBER = /^\d{1,3}$/
// A question about where to go instead of 999 ("should we go to A&E or wait for the GP?").
const TRIAGE_PLACES = String.raw`a\s?&\s?e|a and e|111|gp|pharmacy|pharmacist|walk-?in|urgent care`
const TRIAGE_PLACE = new RegExp(String.raw`\b(?:${TRIAGE_PLACES})\b`, 'i')
const TRIAGE_ASK =
  /\b(?:should (?:i|we)|is it worth|do (?:i|we) (?:need|take|go)|or (?:wait|should)|can it wait|or is)\b/i
const YEAR = /^(?:19|20)\d\d$/
/**
 * A choice between two services that are not 999 ("Children's ED or the UTC?", "A&E or ring
 * maternity?"): the poster is asking where to go, not calling for help (round 9).
 */
const SERVICE = new RegExp(
  String.raw`\b(?:${TRIAGE_PLACES}|utc|urgent treatment|minor injur(?:y|ies)|maternity|(?:children's|childrens|the) ed|out of hours)\b`,
  'gi',
)
const OR = /\bor\b/
/** Longest question read for a choice, and most characters between the two services. */
const CHOICE_SENTENCE = 300
const CHOICE_GAP = 40

/** Two services joined by "or" in one question ("Children's ED or the UTC?"); linear in the text. */
function asksServiceChoice(text: string): boolean {
  if (!text.includes('?')) return false
  for (const piece of text.split(/(?<=[.?!\n])/)) {
    if (!piece.endsWith('?') || piece.length > CHOICE_SENTENCE) continue
    let last = -1
    for (const m of piece.matchAll(SERVICE)) {
      if (last >= 0 && m.index - last <= CHOICE_GAP && OR.test(piece.slice(last, m.index)))
        return true
      last = m.index + m[0].length
    }
  }
  return false
}
/** "no pain, no bleeding", "without any bleeding": a symptom denied. */
const DENIAL = new Set(['no', 'without'])
/** "her lips aren't blue": a colour denied after the lips. */
const UNSAID = new Set(['not', 'no', "aren't", 'arent', "isn't", 'isnt', 'never'])
/** "he's had a stroke": the perfect tells a history, not the moment. */
const PERFECT = 'had'
/** Words either side of a hazard searched for a present-tense frame. */
const BEFORE = 6
const AFTER = 4

/** "The salesman was in the house for 3 hours": a situation said in the past is over. */
const PAST = new Set(['was', 'were'])
const FIRST_PERSON = new Set(['i', 'me', 'my', "i'm", 'im', 'we', 'us'])
const STATE = /^(?:is|are|am|[a-z]+'s|[a-z]+'re|i'm|im)$/

/**
 * "if someone is in the house with me right now and I can't talk…": a disclosure dressed as a
 * hypothetical. An "if" sentence that states the poster's present ("is", "are", "'m" before
 * "right now") is not hypothetical; an event imagined ("if a trader asks me to … right now") and
 * any other not-now cue ("what to do", "would you") still make it one.
 */
function disclosedAsIf(tokens: readonly string[], from: number, to: number): boolean {
  for (const hit of notNow.hits(tokens, from, to)) if (hit.phrase !== 'if') return false
  let state = false
  let self = false
  for (let i = from; i < to; i++) {
    const w = tokens[i] ?? ''
    if (w === 'right' && tokens[i + 1] === 'now') return state && self
    if (FIRST_PERSON.has(w)) self = true
    if (STATE.test(w)) state = true
  }
  return false
}

/** Hits in tokens[from, to) that do not start inside a safe context ("smoke alarm"). */
function* hitsOutside(
  matcher: PhraseMatcher,
  tokens: readonly string[],
  from: number,
  to: number,
  safe: ReadonlySet<number>,
): Generator<PhraseHit> {
  for (const hit of matcher.hits(tokens, from, to))
    if (!safe.has(hit.at) && !DENIAL.has(tokens[hit.at - 1] ?? '')) yield hit
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
  const before = tokens[hit.at - 1] ?? ''
  if (before === PERFECT || ((before === 'a' || before === 'an') && tokens[hit.at - 2] === PERFECT))
    return false
  return (
    present.find(tokens, Math.max(from, hit.at - BEFORE), hit.at) !== undefined ||
    present.find(tokens, end, Math.min(to, end + AFTER)) !== undefined
  )
}

/** "for three days", "for a couple of weeks", "all week": a complaint that has lasted. */
function hasDuration(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'all' && durationUnits.has(tokens[i + 1] ?? '')) return true
    if (tokens[i] !== 'for') continue
    const next = tokens[i + 1] ?? ''
    let unit = i + 2
    if (!NUMBER.test(next)) {
      const count = durationCounts.find(tokens, i + 1, Math.min(tokens.length, i + 4))
      if (!count) continue
      // The longest count phrase that starts here ("a couple of" before "a").
      let len = count.split(' ').length
      for (const hit of durationCounts.hits(tokens, i + 1, Math.min(tokens.length, i + 4)))
        if (hit.at === i + 1) len = Math.max(len, hit.phrase.split(' ').length)
      unit = i + 1 + len
    }
    if (durationUnits.has(tokens[unit] ?? '')) return true
  }
  return false
}

/**
 * A worried but not urgent message: reassurance ("still playing and eating", "on and off"), or a
 * complaint that has lasted days with a question about A&E, 111 or the GP.
 */
export function isCalm(prepared: Prepared): boolean {
  return asksServiceChoice(prepared.text) || settled(prepared)
}

/** Reassurance, or a complaint that has lasted days with a question about A&E, 111 or the GP. */
function settled(prepared: Prepared): boolean {
  if (reassurance.find(prepared.tokens)) return true
  return (
    TRIAGE_PLACE.test(prepared.text) &&
    TRIAGE_ASK.test(prepared.text) &&
    hasDuration(prepared.tokens)
  )
}

/** "for long", "without his frame" after a red flag: a lasting limit, not a sudden change. */
const LASTING = new Set(['for', 'without', 'unaided'])

function acuteRedFlag(
  tokens: readonly string[],
  from: number,
  to: number,
  safe: ReadonlySet<number>,
): PhraseHit | undefined {
  for (const hit of hitsOutside(redFlags, tokens, from, to, safe))
    if (!LASTING.has(tokens[hit.at + hit.phrase.split(' ').length] ?? '')) return hit
  return undefined
}

/**
 * "Crushing pain across my chest for the last 20 minutes… 111 or wait for my GP?": signs of a
 * heart attack, a stroke or failing breathing, with a weak sign of now, in a message made calm
 * only by a choice between services (round 11). Reassurance or days of it still make it calm.
 */
function redFlagDespiteChoice(
  prepared: Prepared,
  current: ReadonlyArray<[number, number]>,
  stated: ReadonlyArray<[number, number]>,
  safe: ReadonlySet<number>,
): string | undefined {
  const { tokens } = prepared
  // One pass for the common case of no red flag at all, before any per-sentence work.
  if (!redFlags.find(tokens) || settled(prepared)) return undefined
  for (const [from, to] of current) {
    if (opensAsQuestion(tokens, from)) continue
    const flag = acuteRedFlag(tokens, from, to, safe)
    const weak = flag && weakSign(tokens, from, to)
    if (weak) return `"${flag.phrase}" with "${weak}"`
  }
  return redFlagInTail(prepared, stated, safe)
}

/**
 * "sick since last night and now she can't stand up": a red flag in a dated sentence counts from
 * its "and now" on, as signs of sepsis do (round 14), calm or not; reassurance still settles it.
 */
function redFlagInTail(
  prepared: Prepared,
  stated: ReadonlyArray<[number, number]>,
  safe: ReadonlySet<number>,
): string | undefined {
  const { tokens } = prepared
  if (!redFlags.find(tokens) || settled(prepared)) return undefined
  const statedAt = new Set(stated.map(([from]) => from))
  for (const [from, to] of prepared.sentences) {
    if (statedAt.has(from) || opensAsQuestion(tokens, from)) continue
    const tail = presentTail(tokens, from, to)
    if (!tail) continue
    const end = liveUntil(tokens, tail[0], tail[1], true)
    const flag = acuteRedFlag(tokens, tail[0], end, safe)
    const weak = flag && weakSign(tokens, tail[0], end)
    if (weak) return `"${flag.phrase}" with "${weak}"`
  }
  return undefined
}

/** The first hit of a matcher inside a current sentence. */
function currentHit(
  matcher: PhraseMatcher,
  tokens: readonly string[],
  isCurrent: Uint8Array,
): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const phrase = isCurrent[i] ? matcher.at(tokens, i) : undefined
    if (phrase) return phrase
  }
  return undefined
}

/** The words any phrase of the matchers starts with, and the `extra` words. */
function firstWords(matchers: readonly PhraseMatcher[], extra: Iterable<string> = []) {
  return new Set([...matchers.flatMap((m) => [...m.firstWords()]), ...extra])
}

/**
 * Whether a token in [from, to) passes `marks`: one pass counts them, so that each of thousands
 * of one-word sentences is then ruled out in constant time instead of paying for several matcher
 * calls (64 KiB of "a\n" took ~58 ms, over the 50 ms bound).
 */
function mayHold(
  tokens: readonly string[],
  marks: (i: number) => boolean,
): (from: number, to: number) => boolean {
  // held[i]: how many of tokens[0, i) are marked.
  const held = new Int32Array(tokens.length + 1)
  for (let i = 0; i < tokens.length; i++) held[i + 1] = (held[i] ?? 0) + (marks(i) ? 1 : 0)
  return (from, to) => (held[to] ?? 0) > (held[from] ?? 0)
}

/** A sentence the main loop of detectEmergency can flag holds one of these. */
const FLAGGABLE = firstWords([inProgress, spreading, hazard, danger, dangerIfStrong], LIPS)

/**
 * A vulnerable person the poster has found next to a danger, and is with now: "a little boy on
 * his own by the dual carriageway… I'm with him now", "an elderly lady wandering along the verge
 * of the A47… I've pulled over". No injury word is needed.
 */
function vulnerableInDanger(
  text: string,
  tokens: readonly string[],
  isCurrent: Uint8Array,
  anyStrong: boolean,
): string | undefined {
  // "alone" first: every "a" may start a vulnerable person ("a little boy"), and 64 KiB of "a"
  // holds 32,768 of them.
  if (!currentHit(alone, tokens, isCurrent)) return undefined
  const who = currentHit(vulnerable, tokens, isCurrent)
  if (!who) return undefined
  if (!anyStrong && !currentHit(withThem, tokens, isCurrent)) return undefined
  const near = currentHit(nearHazard, tokens, isCurrent) !== undefined || ROAD_NUMBER.test(text)
  return near ? `"${who}" alone next to a danger` : undefined
}

/** Spreading fire or water ("the sheds are catching", "it's spreading towards the houses"). */
function spreadingNow(
  tokens: readonly string[],
  from: number,
  to: number,
  isCurrent: Uint8Array,
  safe: ReadonlySet<number>,
): string | undefined {
  const spread = firstHit(spreading, tokens, from, to, safe)
  if (!spread) return undefined
  // A hazard or fire source within 25 words, in a sentence that speaks of now.
  const lo = Math.max(0, spread.at - 25)
  const hi = Math.min(tokens.length, spread.at + 25)
  for (const matcher of [hazard, fireSources]) {
    for (const hit of hitsOutside(matcher, tokens, lo, hi, safe)) {
      if (isCurrent[hit.at]) return `"${hit.phrase}" ${spread.phrase}`
    }
  }
  return undefined
}

/** Whether a weak sign of the present is in tokens[from, to) ("tonight" after "from" is not). */
function weakSign(tokens: readonly string[], from: number, to: number): string | undefined {
  for (const hit of weakNow.hits(tokens, from, to)) {
    if (hit.phrase === 'tonight' && SESSION_LEAD.has(tokens[hit.at - 1] ?? '')) continue
    return hit.phrase
  }
  return undefined
}

/** Hazard hits not followed by a modal ("a garden fire can spread…" is a general statement). */
function* currentHazards(
  tokens: readonly string[],
  from: number,
  to: number,
  safe: ReadonlySet<number>,
): Generator<PhraseHit> {
  for (const hit of hitsOutside(hazard, tokens, from, to, safe)) {
    const end = hit.at + hit.phrase.split(' ').length
    if (MODALS.has(tokens[end] ?? '') || MODALS.has(tokens[end + 1] ?? '')) continue
    yield hit
  }
  yield* lipsChangingColour(tokens, from, to)
}

/**
 * "her lips look a bit grey", "his lips are going slightly blue": a colour within four words
 * after the lips, however it is hedged (round 11). Linear: each "lips" looks four words ahead.
 */
function* lipsChangingColour(
  tokens: readonly string[],
  from: number,
  to: number,
): Generator<PhraseHit> {
  for (let i = from; i < to; i++) {
    if (!lips.has(tokens[i] ?? '')) continue
    for (let k = i + 1; k < Math.min(to, i + 5); k++) {
      const w = tokens[k] ?? ''
      // "lips aren't blue": denied; "lips go blue when I'm cold": a habit.
      if (w === '.' || UNSAID.has(w) || habitVerbs.has(w)) break
      if (lipColours.has(w)) yield { phrase: tokens.slice(i, k + 1).join(' '), at: i }
    }
  }
}

/**
 * Something swallowed that harms within hours even when the child seems well (a button battery,
 * magnets, a detergent capsule), said of now: reassurance does not make it calm (round 9).
 */
function swallowedNow(
  tokens: readonly string[],
  current: ReadonlyArray<[number, number]>,
  anyStrong: boolean,
): string | undefined {
  // One pass for the common case of nothing swallowed, before any per-sentence work.
  if (!swallowedItems.find(tokens)) return undefined
  for (const [from, to] of current) {
    if (opensAsQuestion(tokens, from) && !anyStrong) continue
    const item = swallowedItems.find(tokens, from, to)
    if (!item) continue
    let verb = false
    for (let i = from; i < to && !verb; i++) verb = swallowed.has(tokens[i] ?? '')
    if (verb && (anyStrong || weakSign(tokens, from, to))) return `swallowed "${item}"`
  }
  return undefined
}

/**
 * "lol the party next door have set their garden alight, flames going up the fence towards our
 * shed now 🙃": flames heading for the poster's home, said of now. A nervous "lol" or emoji does
 * not make it a joke (round 11); "in a film", "has stopped" and questions still cancel it, and
 * smoke drifting over is a nuisance, not flames.
 */
function flamesTowardsUs(
  tokens: readonly string[],
  stated: ReadonlyArray<[number, number]>,
  safe: ReadonlySet<number>,
): string | undefined {
  // One pass for the common case of nothing heading anywhere, before any per-sentence work.
  if (!towardsUs.find(tokens)) return undefined
  for (const [from, to] of stated) {
    if (opensAsQuestion(tokens, from)) continue
    const end = liveUntil(tokens, from, to, true)
    const towards = firstHit(towardsUs, tokens, from, end, safe)
    if (!towards || !weakSign(tokens, from, end)) continue
    const source = firstHit(flames, tokens, from, end, safe)
    if (source) return `spreading now ("${source.phrase}" ${towards.phrase})`
  }
  return undefined
}

/**
 * "lol nan's done a runner again, gone two hours now, in her slippers and it's freezing": a frail
 * or exposed person gone, said of now. A nervous "lol" does not make it a joke (round 12), as for
 * flames heading for the home; questions, "has come back" and fiction still cancel it.
 */
function goneAtRisk(
  tokens: readonly string[],
  stated: ReadonlyArray<[number, number]>,
  safe: ReadonlySet<number>,
): string | undefined {
  if (!atRisk.find(tokens) || !gone.find(tokens)) return undefined
  for (const [from, to] of stated) {
    if (opensAsQuestion(tokens, from)) continue
    const end = liveUntil(tokens, from, to, true)
    const missing = firstHit(gone, tokens, from, end, safe)
    const weak = missing && weakSign(tokens, from, end)
    if (weak) return `"${missing.phrase}" with "${weak}", at risk`
  }
  return undefined
}

/**
 * "had his operation 4 days ago and now he's shaking": the part of a dated sentence from "and now"
 * or "but now" on, when that part is itself not dated, hypothetical or habitual.
 */
function presentTail(tokens: readonly string[], from: number, to: number) {
  for (let i = from + 1; i < to; i++) {
    if (tokens[i] !== 'now' || !TURN.has(tokens[i - 1] ?? '')) continue
    return notNowIn(tokens, i, to) ? undefined : ([i, to] as const)
  }
  return undefined
}

/** Whether tokens[from, to) name who is ill ("my son", "she's", "I'm"). */
function saysWho(tokens: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SUFFERER.has(tokens[i] ?? '')) return true
  return false
}

/**
 * "has a stiff neck, been sick and the light hurts his eyes, now there's a rash": three different
 * signs of sepsis or meningitis in stated sentences, one of them with a sign of now (round 13).
 * A question after them ("is this sepsis?", "A&E or 999?") does not make it calm; reassurance does.
 */
function sepsisSignsNow(
  prepared: Prepared,
  stated: ReadonlyArray<[number, number]>,
  safe: ReadonlySet<number>,
): string | undefined {
  const { tokens } = prepared
  // One pass for the common case of no sign at all, before any per-sentence work.
  if (!anySepsisSign.find(tokens) || settled(prepared)) return undefined
  const statedAt = new Set(stated.map(([from]) => from))
  const spans = prepared.sentences.map(([from, to]) =>
    statedAt.has(from) ? ([from, to] as const) : presentTail(tokens, from, to),
  )
  // One phrase per kind of sign: "blotchy and bluish" is one sign, not two.
  const seen = new Map<PhraseMatcher, string>()
  let now: string | undefined
  for (const span of spans) {
    if (!span) continue
    const [from, to] = span
    if (opensAsQuestion(tokens, from)) continue
    const end = liveUntil(tokens, from, to, true)
    let here = false
    if (!saysWho(tokens, from, end)) continue
    for (const matcher of sepsisSigns) {
      const sign = firstHit(matcher, tokens, from, end, safe)
      if (!sign) continue
      here = true
      if (!seen.has(matcher)) seen.set(matcher, sign.phrase)
    }
    now ??= here ? weakSign(tokens, from, end) : undefined
  }
  if (!now || seen.size < SEPSIS_CLUSTER) return undefined
  return `signs of sepsis (${[...seen.values()].join(', ')}) with "${now}"`
}

/** Sentences dated only by a recent past ("last week she said…"), not questions. */
function recentSentences(
  tokens: readonly string[],
  sentences: ReadonlyArray<[number, number]>,
  mayDrop: (from: number, to: number) => boolean,
) {
  // A sentence without a not-now phrase is not dated.
  return sentences.filter(
    ([from, to]) =>
      mayDrop(from, to) && recentlyDated(tokens, from, to) && !opensAsQuestion(tokens, from),
  )
}

/** Options from the other detectors. */
export interface EmergencyContext {
  /** The message is abusive: weak signs of the present are not enough. */
  abusive?: boolean
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
export function detectEmergency(
  input: string | Prepared,
  context: EmergencyContext = {},
): string | undefined {
  const prepared = typeof input === 'string' ? prepare(input) : input
  const { tokens, sentences } = prepared
  // A fake "fire safety grant" with a link to verify is spam, whatever hazard it names.
  if (looksLikePhishing(prepared)) return undefined
  const current: Array<[number, number]> = []
  // Sentences not hypothetical, dated or habitual, before "she seems fine" cuts them.
  const stated: Array<[number, number]> = []
  // Only a not-now phrase ("a while ago") or a cut ("hope", "in a film") can drop a sentence.
  const mayDrop = mayHold(tokens, (i) => notNow.at(tokens, i) !== undefined || mayCutAt(tokens, i))
  for (const sentence of sentences) {
    const [from, to] = sentence
    const checked = mayDrop(from, to)
    if (checked && notNowIn(tokens, from, to) && !disclosedAsIf(tokens, from, to)) continue
    // The sentence's own pair, not a copy: one allocation fewer for each of 32,768 sentences.
    stated.push(sentence)
    // "hope your station is burning down next": harm wished on the reader is no event (round 9).
    if (checked && wishesHarm(tokens, from, to)) continue
    let year = false
    // A year has four characters: testing that first spares a regex call on almost every token.
    for (let i = from; i < to && !year; i++)
      year = tokens[i]?.length === 4 && YEAR.test(tokens[i] ?? '')
    // Over, a remark or fiction ("has stopped now", "in a film"); cut at a general question.
    const end = year ? from : checked ? liveUntil(tokens, from, to) : to
    if (end === to) current.push(sentence)
    else if (end > from) current.push([from, end])
  }
  const isCurrent = new Uint8Array(tokens.length)
  for (const [from, to] of current) isCurrent.fill(1, from, to)
  const safe = safePositions(tokens)
  const anyStrong = current.some(([from, to]) => strongNow.find(tokens, from, to))
  const reporting = reportIntent(tokens) !== undefined
  const abusive = context.abusive === true
  if (!reporting && !abusive) {
    const approaching =
      flamesTowardsUs(tokens, stated, safe) ??
      goneAtRisk(tokens, stated, safe) ??
      sepsisSignsNow(prepared, stated, safe)
    if (approaching) return approaching
  }
  // "this chat is on fire today 🔥", "river near its banks all week 🦆": a remark, not a call.
  if (hasRemarkMark(prepared.text) && !anyStrong) return undefined
  // Reassurance or an abusive rant: weak signs ("still", "tonight") no longer place a hazard now.
  const calm = isCalm(prepared)
  const ingested = swallowedNow(tokens, stated, anyStrong)
  if (ingested && !reporting) return ingested
  const redFlag = !reporting && !abusive && redFlagDespiteChoice(prepared, current, stated, safe)
  if (redFlag) return redFlag
  // Each sentence below returns only on a hit of one of these: the others are skipped at once.
  const mayMatter = mayHold(tokens, (i) => FLAGGABLE.has(tokens[i] ?? ''))
  for (const [from, to] of current) {
    if (!mayMatter(from, to)) continue
    const strongHere = strongNow.find(tokens, from, to) !== undefined
    // "Is chest pain after a booster…?", "what's the safest way to put out a candle fire?"
    if (opensAsQuestion(tokens, from) && !strongHere) continue
    const weak = calm || abusive ? undefined : weakSign(tokens, from, to)
    const ongoing = firstHit(inProgress, tokens, from, to, safe)
    // In an abusive message "were on fire again" is a grievance: it needs a present frame.
    const ongoingNow =
      ongoing && (!abusive || anyStrong || inPresentFrame(tokens, ongoing, from, to))
    if (ongoingNow && (!reporting || anyStrong)) return `harm in progress ("${ongoing.phrase}")`
    if (!reporting || anyStrong) {
      const spread = spreadingNow(tokens, from, to, isCurrent, safe)
      if (spread) return `spreading now (${spread})`
    }
    const serious = currentHazards(tokens, from, to, safe).next().value
    if (serious) {
      if (anyStrong) return `"${serious.phrase}" happening now`
      if (!reporting && weak) return `"${serious.phrase}" with "${weak}"`
      // A calm message ("on and off for a week, GP or A&E?") needs more than a present frame.
      if (!reporting && !calm) {
        for (const hit of currentHazards(tokens, from, to, safe)) {
          if (inPresentFrame(tokens, hit, from, to)) return `"${hit.phrase}" described as current`
        }
      }
    }
    const situation = firstHit(danger, tokens, from, to, safe)
    if (situation && anyStrong) return `"${situation.phrase}" happening now`
    if (situation && !reporting && weak && !PAST.has(tokens[situation.at - 1] ?? ''))
      return `"${situation.phrase}" with "${weak}"`
    const caller = anyStrong ? dangerIfStrong.find(tokens, from, to) : undefined
    if (caller) return `"${caller}" happening now`
  }
  // Intent, means at hand, a farewell: someone at risk now, in words no hazard list holds.
  const told = current.filter(([from]) => anyStrong || !opensAsQuestion(tokens, from))
  const selfHarm = selfHarmNow(tokens, told, recentSentences(tokens, sentences, mayDrop))
  if (selfHarm) return selfHarm
  if (reporting && !anyStrong) return undefined
  const found = vulnerableInDanger(prepared.text, tokens, isCurrent, anyStrong)
  if (found) return found
  // The situation model: a person, a hazard, exposure, now and no way out, without the phrases
  // above ("a car swept sideways in the ford with someone inside waving").
  return calm && !anyStrong ? undefined : situationEmergency(prepared, abusive)
}
