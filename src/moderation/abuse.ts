import { aimedAtStaff } from './abuse-aim.ts'
import {
  AIMED_ONLY,
  CROWD,
  DEFLECTORS,
  INSULTS,
  MASKED_STEMS,
  PRAISE_INTENSIFIERS,
  PREMISES,
  PROFANITY,
  SARCASTIC_PRAISE,
  SELF,
  SHAME_OBJECTS,
  STAFF,
  STAFF_NOUNS,
  TARGETS,
  THREATS,
  UNNAMED_HARM,
  VISIT,
  WHEREABOUTS,
  WISH_TARGETS,
  WISHED_HARM,
} from './lexicons/abuse.ts'
import { GRATITUDE } from './lexicons/thanks.ts'
import { PhraseMatcher, SENTENCE_END, words } from './normalise.ts'
import { type Prepared, prepare } from './prepared.ts'
import { withoutReportedSpeech } from './reported-speech.ts'

const threats = new PhraseMatcher(THREATS)
const visit = new PhraseMatcher(VISIT)
const profanity = new PhraseMatcher(PROFANITY)
const insults = new PhraseMatcher(INSULTS)
const targets = new Set(TARGETS)
const deflectors = new Set(DEFLECTORS)
const self = new Set(SELF)
const wishedHarm = new Set(WISHED_HARM)
const wishTargets = new Set(WISH_TARGETS)
const goodWishes = new Set(['safe', 'ok', 'okay', 'well', 'luck', 'better', 'recover', 'alright'])
const crowd = new PhraseMatcher(CROWD)
const sarcasticPraise = new PhraseMatcher(SARCASTIC_PRAISE)
const praiseIntensifiers = new PhraseMatcher(PRAISE_INTENSIFIERS)
// The thanks detector's vocabulary: praise beside any of it is meant, not sarcastic.
const gratitude = new PhraseMatcher(GRATITUDE)
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

/**
 * "hope … your office floods", "hope the next one of you … gets clipped": harm wished on the
 * reader, within the sentence (16 words) after "hope"; a negation between the target and the
 * harm ("hope your staff don't get hurt") cancels it.
 */
export function wishesHarm(list: readonly string[], from = 0, to = list.length): boolean {
  for (let i = from; i < to; i++) {
    if (list[i] !== 'hope' && list[i] !== 'hopes') continue
    let aimed = false
    for (let k = i + 1; k < Math.min(to, i + 17); k++) {
      const w = list[k] ?? ''
      if (w === SENTENCE_END) break
      if (wishTargets.has(w)) aimed = true
      // "hope they catch whoever knocked…": the harm is the offender's act, not a wish.
      else if (aimed && (negations.has(w) || w === 'whoever' || w === 'who')) break
      // "hope your crews stay safe, the moor is burning": a good wish, then the news (round 9).
      else if (aimed && goodWishes.has(w)) break
      else if (aimed && (wishedHarm.has(w) || (endUp.has(w) && list[k + 1] === 'up'))) return true
    }
  }
  return false
}

const negations = new Set([
  'not',
  'never',
  "don't",
  'dont',
  "doesn't",
  'doesnt',
  'no',
  "won't",
  'wont',
])
const endUp = new Set(['end', 'ends', 'ended'])

const whereabouts = new Set([...WHEREABOUTS, ...PREMISES])
const premises = new Set(PREMISES)
const staff = new Set(STAFF)
const shameObjects = new Set(SHAME_OBJECTS)
const unnamedHarm = new Set(UNNAMED_HARM)
const PLACE_ASK = new Set(['where', 'which', 'what'])
const KNOWERS = new Set(['i', 'we', 'and', 'also', 'even', 'do', "i'm", 'im'])

/** Words of the sentence of list[at], from `at` on, at most `max`. */
function ahead(list: readonly string[], at: number, max: number): string[] {
  const out: string[] = []
  for (let k = at; k < Math.min(list.length, at + max); k++) {
    if (list[k] === SENTENCE_END) break
    out.push(list[k] ?? '')
  }
  return out
}

/**
 * Veiled threats, recognised by their frame rather than their wording:
 * - "be a shame if something/your…" (a shame aimed at a thing or person, not "if the centre closed");
 * - "I know where <someone> lives/parks/works…" aimed at staff ("that PC", "your sergeant", a
 *   PCSO named earlier in the sentence), or together with harm left unnamed ("wouldn't want
 *   anything to happen to it");
 * - where a member of staff lives ("I know the officer … lives in …", "the officer who refused
 *   us lives on the hill") with a visit announced ("might pop round", "pay him a visit") or harm
 *   left unnamed.
 */
export function veiledThreat(list: readonly string[]): string | undefined {
  let knowsWhere: 'staff' | 'someone' | undefined
  let knowsHome = false
  let unnamed = false
  let sentence = 0
  for (let i = 0; i < list.length; i++) {
    const w = list[i]
    if (w === SENTENCE_END) sentence = i + 1
    if (w === 'shame' && list[i + 1] === 'if') {
      if (ahead(list, i + 2, 3).some((x) => shameObjects.has(x))) return 'be a shame if…'
    }
    // "I know where you live", "I know which nick you work out of"
    if (w === 'know' && PLACE_ASK.has(list[i + 1] ?? '') && KNOWERS.has(list[i - 1] ?? '')) {
      const rest = ahead(list, i + 2, 8)
      // The member of staff may be named after "where" or earlier in the sentence; premises
      // alone ("where the highways office is") are aimed only with a crowd or harm left unnamed.
      const place = rest.findIndex((x) => whereabouts.has(x))
      if (place >= 0) {
        const person = rest.findIndex((x) => whereabouts.has(x) && !premises.has(x))
        const aimed = person >= 0 && list.slice(sentence, i + 3 + person).some((x) => staff.has(x))
        knowsWhere = aimed ? 'staff' : (knowsWhere ?? 'someone')
      }
    }
    // "the officer who turned our request down lives on the hill": where staff live, named.
    if (w && HOME.has(w) && list.slice(Math.max(sentence, i - 8), i).some(isStaff)) knowsHome = true
    if (w && unnamedHarm.has(w)) {
      const rest = ahead(list, i + 1, 4)
      const happen = rest.findIndex((x) => x.startsWith('happen'))
      if (happen >= 0 && rest[happen + 1] === 'to') unnamed = true
    }
  }
  if (knowsWhere === 'staff') return 'I know where … lives'
  if (knowsWhere && unnamed) return 'I know where … / something happening to'
  // "I know where the highways office is and so do a lot of angry people"
  if (knowsWhere && crowd.find(list)) return 'I know where … / and so do others'
  if (knowsHome && (unnamed || visit.find(list))) return 'where staff live / a visit'
  return undefined
}

const DENIALS = new Set(['not', "isn't", 'isnt', "aren't", 'arent', "wasn't", "weren't", 'never'])
const ARTICLES = new Set(['a', 'an', 'so', 'that'])

/** The word before an insult (past an article: "not an idiot") denies it. */
function denied(list: readonly string[], at: number): boolean {
  const before = ARTICLES.has(list[at - 1] ?? '') ? at - 2 : at - 1
  return DENIALS.has(list[before] ?? '')
}

/**
 * "absolute geniuses", "bunch of rocket scientists": praise in the plural after an intensifier,
 * in a message that thanks nobody, is sarcasm aimed at the organisation.
 */
function sarcasm(list: readonly string[]): string | undefined {
  if (gratitude.find(list)) return undefined
  for (const hit of sarcasticPraise.hits(list)) {
    for (const lead of praiseIntensifiers.hits(list, Math.max(0, hit.at - 3), hit.at)) {
      if (lead.at + lead.phrase.split(' ').length >= hit.at - 1) return hit.phrase
    }
  }
  return undefined
}

/**
 * "driving like an absolute idiot", "behaving like complete morons": a comparison aims the
 * insult at no one in the chat; the intensifier does not aim it.
 */
function comparison(list: readonly string[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    const w = list[k] ?? ''
    if (w === 'like') return true
    if (!COMPARED.has(w)) return false
  }
  return false
}
const COMPARED = new Set([
  'a',
  'an',
  'absolute',
  'utter',
  'complete',
  'total',
  'bloody',
  'proper',
  'right',
  'such',
])

const WE_WILL = new Set(["we'll", 'well', "let's", 'lets', 'and', 'just'])
const WAIT_LEAD = new Set(['in', 'when', 'next', 'after', 'over', 'this', 'tomorrow', 'once'])

/**
 * The first threat phrase, except "we'll see what happens in October when…", "wait and see what
 * happens next week": waiting to see, said of a time (round 10).
 */
function firstThreat(list: readonly string[]): string | undefined {
  for (const hit of threats.hits(list)) {
    if (hit.phrase === 'see what happens') {
      const after = list[hit.at + 3] ?? ''
      if (WE_WILL.has(list[hit.at - 1] ?? '') && WAIT_LEAD.has(after)) continue
    }
    return hit.phrase
  }
  return undefined
}

/** Where someone lives or keeps their car, as opposed to where they work. */
const HOME = new Set(['lives', 'living', 'house', 'home', 'parks'])
const staffNouns = new Set(STAFF_NOUNS)
const isStaff = (w: string) => staff.has(w) || staffNouns.has(w)

/**
 * Insults, threats and directed swearing aimed at the organisation, its staff or other
 * participants. Criticism without insults stays a comment.
 */
export function detectAbuse(input: string | Prepared): string | undefined {
  const prepared = typeof input === 'string' ? prepare(input) : input
  // Words the poster quotes someone else saying are not the poster's own abuse.
  const own = withoutReportedSpeech(prepared.text)
  const tokens = own === undefined ? prepared.tokens : words(own)
  const list = tokens.map((w) => (isMaskedSwear(w) ? 'fuck' : w))
  const threat = firstThreat(list)
  if (threat) return `threat ("${threat}")`
  const veiled = veiledThreat(list)
  if (veiled) return `veiled threat ("${veiled}")`
  if (wishesHarm(list)) return 'wishes harm'
  const mocked = sarcasm(list)
  if (mocked) return `sarcasm ("${mocked}")`
  const swear = profanity.find(list)
  if (swear && (swear.includes(' ') || list.some((w) => targets.has(w)))) return 'directed swearing'
  for (const hit of insults.hits(list)) {
    const lead = list.slice(Math.max(0, hit.at - 2), hit.at)
    const after = hit.at + hit.phrase.split(' ').length
    const around = [...list.slice(Math.max(0, hit.at - 4), hit.at), ...list.slice(after, after + 3)]
    const aimed =
      around.some((w) => targets.has(w)) || aimedAtStaff(list, hit.at, after, hit.phrase)
    if (AIMED_ONLY.has(hit.phrase) && !aimed) continue
    // "driving like an absolute idiot": a comparison, unless "you" is beside it.
    if (comparison(list, hit.at) && !around.some((w) => w === 'you' || w === 'u' || w === 'your'))
      continue
    // "a few idiots", "like an idiot": aimed elsewhere or at oneself.
    if (!aimed && lead.some((w) => deflectors.has(w))) continue
    // "you are not stupid", "he's not an idiot": the insult is denied, not given.
    if (denied(list, hit.at)) continue
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
