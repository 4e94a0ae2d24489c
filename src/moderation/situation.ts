import { wishesHarm } from './abuse.ts'
import {
  ASKING_OPENERS,
  MISSING,
  MISSING_THINGS,
  NOT_NOW,
  SAFE_CONTEXT,
} from './lexicons/emergency.ts'
import {
  CANCEL_CUES,
  EXPOSURE_CUES,
  GENERAL_CUES,
  HAZARD_CONTEXT,
  HAZARD_STRONG,
  HELPLESS_CUES,
  NOW_CUES,
  PERSONAL_CLASSES,
  REMARK_MARKS,
  TONE_CUES,
} from './lexicons/situation.ts'
import { PhraseMatcher } from './normalise.ts'
import type { Prepared } from './prepared.ts'

/**
 * The emergency situation model. People rarely name an emergency; they describe a situation: a
 * person, a hazard (tracks, flood water, a ledge, smoke, a blade, someone at the door, a body that
 * has gone limp), exposure to it (in it, on it, above it, next to it), now (still, keeps, due in
 * 4 mins, is …ing) and no way out (can't get back, not answering, nobody doing anything). Each
 * part is a broad class of surface forms; a message is scored on how many parts its live
 * sentences describe. Sentences that are over, joking or fiction are not live, and a general
 * question ("is it illegal…", "in an emergency") ends the live part of its sentence.
 */

/** The hazard class a phrase belongs to. */
interface HazardClass {
  name: string
  weight: number
  /** The hazard happens to a person or is aimed at one: exposure is implied. */
  personal: boolean
}

const personal = new Set(PERSONAL_CLASSES)
/** Every hazard phrase, with its classes (a phrase may be in two: "being dragged"). */
const hazardClasses = new Map<string, HazardClass[]>()
for (const [table, weight] of [
  [HAZARD_STRONG, 2],
  [HAZARD_CONTEXT, 1],
] as const) {
  for (const [name, phrases] of Object.entries(table)) {
    for (const phrase of phrases) {
      const list = hazardClasses.get(phrase) ?? []
      list.push({ name, weight, personal: weight === 2 && personal.has(name) })
      hazardClasses.set(phrase, list)
    }
  }
}
/** One matcher over all classes: a single pass over the message. */
const hazards = new PhraseMatcher([...hazardClasses.keys()])
const nowCues = new PhraseMatcher(NOW_CUES)
const exposureCues = new PhraseMatcher(EXPOSURE_CUES)
const helplessCues = new PhraseMatcher(HELPLESS_CUES)
const notNow = new PhraseMatcher(NOT_NOW)
/** Cues that end the live part of a sentence: general ones cut it, the others cancel it. */
const cancelCues = new PhraseMatcher([...CANCEL_CUES, ...GENERAL_CUES])
const general = new Set(GENERAL_CUES)
const tone = new Set(TONE_CUES)
const safeContext = new PhraseMatcher(SAFE_CONTEXT)

const ASKING = new Set(ASKING_OPENERS)
/** "is", "are", "he's", "we're", "someone's", "has", "we've": the present tense. */
const BE =
  /^(?:is|are|am|has|have|[a-z]+'s|[a-z]+'re|[a-z]+'ve|i'm|im|being|theres|hes|shes|theyre)$/
const ING = /^[a-z]{3,}ing$/
/** -ing words that are not verbs. */
const NOT_VERB = new Set([
  'thing',
  'nothing',
  'something',
  'anything',
  'everything',
  'morning',
  'evening',
  'ceiling',
  'building',
  'during',
  'railing',
  'sibling',
  'ring',
  'king',
  'bring',
  'spring',
  'string',
  'going',
])
/** An -ing led by one of these is over or a habit ("was walking", "goes fishing"). */
const NOT_NOW_LEAD = new Set(['was', 'were', 'been', 'goes', 'go', 'went', 'likes', 'loves'])

/** Negations typed without an apostrophe or in full, folded to one form for the cue lists. */
const NEGATIONS = new Map([
  ['cannot', "can't"],
  ['cant', "can't"],
  ['wont', "won't"],
  ['isnt', "isn't"],
  ['doesnt', "doesn't"],
  ['hasnt', "hasn't"],
  ['havent', "haven't"],
  ['dont', "don't"],
  ['arent', "aren't"],
])

/** Folds "cant", "cannot", "dont"… to one form for the cue lists. */
export const foldNegations = (tokens: readonly string[]): string[] =>
  tokens.map((w) => NEGATIONS.get(w) ?? w)

/** Score at or above which a described situation is an emergency. */
export const SITUATION_THRESHOLD = 4

/** What the model found: the score and its parts, for tests and the moderator's reason. */
export interface Situation {
  score: number
  hazard: string | undefined
  now: boolean
  exposure: boolean
  helpless: boolean
}

/**
 * Whether tokens[from, to) is in the present tense: "is", "has", "there's", "we're", or an -ing
 * participle not led by "was" or "goes" ("lad lying across the tracks", "people running out").
 */
function presentTense(tokens: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = tokens[i] ?? ''
    if (BE.test(w)) return true
    if (!ING.test(w) || NOT_VERB.has(w)) continue
    let lead = false
    for (let k = i - 1; k >= Math.max(from, i - 3) && !lead; k--)
      lead = NOT_NOW_LEAD.has(tokens[k] ?? '')
    if (!lead) return true
  }
  return false
}

const PERCEIVE = new Set(['see', 'hear', 'smell', 'feel'])
/** Past verbs that make "when …" a time clause ("when my husband went down", "when I got in"). */
const PAST_VERBS = new Set([
  'went',
  'came',
  'got',
  'saw',
  'ran',
  'left',
  'told',
  'said',
  'heard',
  'took',
  'gave',
  'fell',
  'drove',
  'rang',
  'woke',
  'found',
  'walked',
  'arrived',
  'opened',
  'asked',
  'tried',
  'pulled',
  'looked',
  'turned',
  'called',
  'phoned',
  'knocked',
  'checked',
])

/**
 * "When my husband went down to ask them to leave, …": "when" and a past verb within four words
 * tell a moment in the story, not a question (round 10). "When is…", "when he isn't hurt,
 * should I…" still open as one.
 */
function pastClause(tokens: readonly string[], from: number): boolean {
  for (let k = from + 1; k < Math.min(tokens.length, from + 5); k++) {
    const w = tokens[k] ?? ''
    if (w === '.' || w === 'is' || w === 'are' || w === 'will' || w === 'do' || w === 'does')
      return false
    if (PAST_VERBS.has(w)) return true
  }
  return false
}

/**
 * Whether a sentence opens as a question ("is", "can", "what"… first). "can hear screaming next
 * door", "can smell burning" drop their "I": a statement of what the poster perceives now; "when"
 * asks only before a verb ("when is…", "when will…").
 */
export function opensAsQuestion(tokens: readonly string[], from: number): boolean {
  const first = tokens[from] ?? ''
  if (!ASKING.has(first)) return false
  // "When my husband went down to ask them to leave…": a time clause, not a question (round 10).
  if (first === 'when') return !pastClause(tokens, from)
  return !(first === 'can' && PERCEIVE.has(tokens[from + 1] ?? ''))
}

/** Past times that can date a relative clause ("the wall they knocked down yesterday is …"). */
const DATED = new Set([
  'yesterday',
  'last night',
  'last week',
  'last weekend',
  'last month',
  'on monday',
  'on tuesday',
  'on wednesday',
  'on thursday',
  'on friday',
  'on saturday',
  'on sunday',
  'day ago',
  'days ago',
  'week ago',
  'weeks ago',
])
/** The main verb in the present right after the dated clause. */
const CLAUSE_VERB = new Set(['is', 'are', 'has', 'have'])
/** Harm threatened on a condition ("he'll stab her if she doesn't…"). */
const THREAT_HARM = new Set(['stab', 'kill', 'hurt', 'shoot', 'batter', 'smash', 'burn', 'hit'])
const REFLEXIVE = new Set(['himself', 'herself', 'themselves', 'myself', 'yourself'])
const THREAT_LEAD = new Set(["he'll", "she'll", "they'll", 'hell', 'shell', 'will', 'gonna', 'to'])

/** "…shouting that he'll stab the receptionist if…": a threat made now, on a condition. */
function threatensBefore(tokens: readonly string[], from: number, at: number): boolean {
  for (let k = at - 1; k >= Math.max(from, at - 6); k--) {
    if (!THREAT_HARM.has(tokens[k] ?? '')) continue
    // "he'll kill himself if she leaves": a threat to oneself, told as pressure, not an attack.
    if (REFLEXIVE.has(tokens[k + 1] ?? '')) continue
    if (THREAT_LEAD.has(tokens[k - 1] ?? '') || THREAT_LEAD.has(tokens[k - 2] ?? '')) return true
  }
  return false
}

/**
 * Whether tokens[from, to) is hypothetical, dated, habitual or denied ("if", "yesterday", "every
 * night"). Not a past time that dates a relative clause before a present main verb ("the man who
 * hit me last week is outside"), nor an "if" that follows a threat ("he'll stab her if…") (round 10).
 */
export function notNowIn(tokens: readonly string[], from: number, to: number): boolean {
  for (const hit of notNow.hits(tokens, from, to)) {
    const end = hit.at + hit.phrase.split(' ').length
    if (DATED.has(hit.phrase) && CLAUSE_VERB.has(tokens[end] ?? '')) continue
    if (hit.phrase === 'if' && threatensBefore(tokens, from, hit.at)) continue
    return true
  }
  return false
}

/**
 * "Last week she told me…", "yesterday he said…": a sentence whose only not-now cues are recent
 * past times (round 11), unlike "last year", "years ago" or "if".
 */
export function recentlyDated(tokens: readonly string[], from: number, to: number): boolean {
  let dated = false
  for (const hit of notNow.hits(tokens, from, to)) {
    if (!DATED.has(hit.phrase)) return false
    dated = true
  }
  return dated
}

const PLACED = new Set(['left', 'dropped', 'threw', 'thrown', 'chucked', 'dumped', 'scattered'])
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'my', 'our', 'its', 'some'])
const PEOPLE = new Set([
  'man',
  'woman',
  'lady',
  'baby',
  'child',
  'kid',
  'boy',
  'girl',
  'lad',
  'patient',
  'person',
  'casualty',
  'dog',
])

/**
 * "left the padlock on the floor", "dropped a bag on the ground": a thing put down, not a person
 * on the floor (round 10). Marks the "on" of each such phrase as safe; linear.
 */
function markPlacedThings(tokens: readonly string[], safe: Set<number>) {
  for (let i = 3; i + 2 < tokens.length; i++) {
    if (tokens[i] !== 'on' || tokens[i + 1] !== 'the') continue
    if (tokens[i + 2] !== 'floor' && tokens[i + 2] !== 'ground') continue
    const thing = tokens[i - 1] ?? ''
    if (
      PLACED.has(tokens[i - 3] ?? '') &&
      DETERMINERS.has(tokens[i - 2] ?? '') &&
      !PEOPLE.has(thing)
    )
      safe.add(i)
  }
}

const missing = new PhraseMatcher(MISSING)
const missingThings = new Set(MISSING_THINGS)

/** Token positions of "gone missing" said of a thing ("her ring has gone missing"). */
function markMissingThings(tokens: readonly string[], safe: Set<number>) {
  for (const hit of missing.hits(tokens)) {
    for (let k = hit.at - 1; k >= Math.max(0, hit.at - 6); k--) {
      const w = tokens[k] ?? ''
      if (w === '.') break
      if (missingThings.has(w)) {
        // The hazard phrase may start a word earlier ("been gone"): mark both.
        safe.add(hit.at)
        break
      }
    }
  }
}

/**
 * Token positions where a hazard word names no hazard: inside a safe context ("alarm" in "smoke
 * alarm" is no fire), a thing gone missing, a thing put down on the floor.
 */
export function safePositions(tokens: readonly string[]): Set<number> {
  const safe = new Set<number>()
  for (const hit of safeContext.hits(tokens))
    for (let k = hit.at; k < hit.at + hit.phrase.split(' ').length; k++) safe.add(k)
  markMissingThings(tokens, safe)
  markPlacedThings(tokens, safe)
  return safe
}

const OK = new Set(['ok', 'okay', 'alright', 'safe', 'well'])

/** "hope the driver's ok", "hope everyone is safe": sympathy after the event, not a call. */
function sympathy(tokens: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (tokens[i] !== 'hope') continue
    for (let k = i + 1; k < Math.min(to, i + 5); k++) if (OK.has(tokens[k] ?? '')) return true
  }
  return false
}

/**
 * The live part [from, end) of a sentence: empty when the sentence is over, a remark, fiction or
 * opens as a question; cut at a general question ("…, is it illegal to…").
 */
function liveEnd(tokens: readonly string[], from: number, to: number): number {
  if (opensAsQuestion(tokens, from)) return from
  if (notNowIn(tokens, from, to)) return from
  return liveUntil(tokens, from, to)
}

/** Whether token i may cut a sentence short in liveUntil(): "hope" or a cancel cue starts there. */
export function mayCutAt(tokens: readonly string[], i: number): boolean {
  const w = tokens[i]
  return w === 'hope' || w === 'hopes' || cancelCues.at(tokens, i) !== undefined
}

/**
 * The live part of a sentence for the detector's phrase tiers: empty when the situation model's
 * cues say it is over, a remark or fiction ("has stopped now", "in a film"), cut at a general
 * question ("is it illegal", "who hands out sandbags in an emergency"). With `toneAllowed` a
 * joking "lol" does not cancel it.
 */
export function liveUntil(
  tokens: readonly string[],
  from: number,
  to: number,
  toneAllowed = false,
): number {
  // A wish of harm on the reader ("hope the next one of you … gets clipped") is abuse, not a call.
  if (sympathy(tokens, from, to) || wishesHarm(tokens, from, to)) return from
  let end = to
  for (const hit of cancelCues.hits(tokens, from, to)) {
    if (toneAllowed && tone.has(hit.phrase)) continue
    if (!general.has(hit.phrase)) return from
    end = Math.min(end, hit.at)
  }
  return end
}

/** A joke or wry remark marked by emoji ("😂", "🦆", "🔥"). */
export function hasRemarkMark(text: string): boolean {
  return REMARK_MARKS.test(text)
}

// Asked by the emergency detector and by the kind model's features: worked out once a message.
const described = new WeakMap<Prepared, Situation>()

/** Scores the situation described by a message's live sentences. */
export function describeSituation(prepared: Prepared): Situation {
  const cached = described.get(prepared)
  if (cached) return cached
  const s = scoreSituation(prepared)
  described.set(prepared, s)
  return s
}

function scoreSituation(prepared: Prepared): Situation {
  const { sentences } = prepared
  const tokens = foldNegations(prepared.tokens)
  const none: Situation = {
    score: 0,
    hazard: undefined,
    now: false,
    exposure: false,
    helpless: false,
  }
  // Most messages name no hazard at all: one pass decides, before any other cue is looked for.
  if (hazards.find(tokens) === undefined || hasRemarkMark(prepared.text)) return none
  const safe = safePositions(tokens)
  let best = 0
  let hazard: string | undefined
  const found = new Set<string>()
  const strongPhrases = new Set<string>()
  let now = false
  let exposure = false
  let helpless = false
  for (const [from, to] of sentences) {
    const end = liveEnd(tokens, from, to)
    if (end === from) continue
    let hazardHere = false
    for (const hit of hazards.hits(tokens, from, end)) {
      if (safe.has(hit.at)) continue
      hazardHere = true
      for (const c of hazardClasses.get(hit.phrase) ?? []) {
        found.add(c.name)
        if (c.weight === 2) strongPhrases.add(hit.phrase)
        if (c.personal) exposure = true
        if (c.weight > best) {
          best = c.weight
          hazard = `${c.name}: "${hit.phrase}"`
        }
      }
    }
    // Now must be said of a sentence that holds a hazard; exposure and helplessness may be
    // described next to it ("…on the ledge. He won't talk to anyone").
    if (hazardHere)
      now ||= nowCues.find(tokens, from, end) !== undefined || presentTense(tokens, from, end)
    exposure ||= exposureCues.find(tokens, from, end) !== undefined
    helpless ||= helplessCues.find(tokens, from, end) !== undefined
  }
  if (best === 0) return none
  // Corroboration: a second class ("river" + "roofs") or a second strong sign ("on the roof" +
  // "legs dangling") adds one.
  const hazardScore = Math.min(3, best + (found.size >= 2 || strongPhrases.size >= 2 ? 1 : 0))
  const score = hazardScore + (now ? 1 : 0) + (exposure ? 1 : 0) + (helpless ? 1 : 0)
  return { score, hazard, now, exposure, helpless }
}

/**
 * The moderator's reason when the described situation is an emergency: a hazard, a sign of now,
 * and enough of exposure and helplessness to reach the threshold (one more in an abusive rant,
 * where a described hazard is often a grievance).
 */
export function situationEmergency(prepared: Prepared, abusive = false): string | undefined {
  const s = describeSituation(prepared)
  const needed = SITUATION_THRESHOLD + (abusive ? 1 : 0)
  if (!s.hazard || !s.now || s.score < needed) return undefined
  const parts = [s.exposure ? 'exposed' : '', s.helpless ? 'no way out' : '']
    .filter(Boolean)
    .join(', ')
  return `situation (${s.hazard}${parts ? `; ${parts}` : ''})`
}
