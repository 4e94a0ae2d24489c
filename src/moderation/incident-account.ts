import {
  ACT_IDIOMS,
  ADVICE_ASK,
  AFFILIATION,
  CLAIM_VERBS,
  EVIDENCE,
  HYPOTHETICAL,
  INCIDENT,
  NOT_AN_ACCOUNT,
  OFFENCE,
  OFFICIAL_BODIES,
  OFFICIAL_CHARGES,
  PAYMENT,
  PROCESS_ASK,
  SERVICE_ISSUE,
  TIME_ANCHOR,
  WEAK_OFFENCE,
} from './lexicons/crime.ts'
import { type PhraseHit, PhraseMatcher, words } from './normalise.ts'
import type { Prepared } from './prepared.ts'
import type { Mask } from './types.ts'

const weak = new Set(WEAK_OFFENCE)
const acts = new PhraseMatcher([...OFFENCE.filter((w) => !weak.has(w)), ...INCIDENT])
const timeAnchor = new PhraseMatcher(TIME_ANCHOR)
const processAsk = new PhraseMatcher(PROCESS_ASK)
const adviceAsk = new PhraseMatcher(ADVICE_ASK)
const notAccount = new PhraseMatcher(NOT_AN_ACCOUNT)
const hypothetical = new PhraseMatcher(HYPOTHETICAL)
const serviceIssue = new PhraseMatcher(SERVICE_ISSUE)
const evidence = new PhraseMatcher(EVIDENCE)
const idioms = new PhraseMatcher(ACT_IDIOMS)
const claimVerbs = new Set(CLAIM_VERBS)
const affiliation = new Set(AFFILIATION)
const payment = new Set(PAYMENT)
const officialBodies = new Set(OFFICIAL_BODIES)
const officialCharges = new Set(OFFICIAL_CHARGES)
/** Words after a claim searched for an affiliation ("saying he was from the council"). */
const CLAIM_SPAN = 8

/** Characters beyond which a message is not read as an account of an incident. */
const MAX_ACCOUNT = 8192
// A sentence of the original text with its end punctuation (disjoint classes: linear).
const SENTENCE = /[^.!?\n]+[.!?\n]*/g
// A clock time ("at 3am", "about 21:30", "around 4pm").
const CLOCK = /\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b/i
// A process ask that names reporting ("report it to", "still report").
const REPORTS = /\breport\b/
const WH = new Set(['how', 'what', 'when', 'where', 'why', 'who', 'which', 'whom'])
const AUX = new Set(['can', 'could', 'would', 'will', 'should', 'is', 'are', 'do', 'does', 'did'])
const SUBJECT = new Set([
  'i',
  'u',
  'you',
  'we',
  'they',
  'he',
  'she',
  'it',
  'someone',
  'anyone',
  'this',
])
const REQUEST = new PhraseMatcher([
  'please can',
  'please could',
  'can you',
  'could you',
  'can someone',
  'could someone',
])

/** A sentence that asks: a question mark, a wh-word or an inversion first, or a request. */
function asks(sentence: string, tokens: readonly string[]): boolean {
  if (sentence.includes('?')) return true
  const [first = '', second = ''] = tokens
  return WH.has(first) || (AUX.has(first) && SUBJECT.has(second)) || !!REQUEST.find(tokens)
}

/** Act hits in tokens[from, to) that do not start an everyday idiom ("taken seriously"). */
function* actHits(tokens: readonly string[], from = 0, to = tokens.length): Generator<PhraseHit> {
  let idiomAt: Set<number> | undefined
  for (const hit of acts.hits(tokens, from, to)) {
    idiomAt ??= new Set([...idioms.hits(tokens, from, to)].map((h) => h.at))
    if (!idiomAt.has(hit.at)) yield hit
  }
}

/** Where "should I" follows "who" or "where" it asks whom to tell, not whether to (round 14). */
const WHOM = new Set(['who', 'where'])
const SHOULD = new Set(['should i', 'should we'])

/**
 * An advice ask in a question's words ("should I report it?", "is that legal?"), except "should
 * I" right after "who" or "where" ("who should I send the photos to?"), which is a process ask.
 */
function asksAdvice(t: readonly string[]): boolean {
  for (const hit of adviceAsk.hits(t))
    if (!SHOULD.has(hit.phrase) || !WHOM.has(t[hit.at - 1] ?? '')) return true
  return false
}

/** "a council fee", "an NHS charge": a charge passed off as a body's own. */
const officialCharge = (tokens: readonly string[], at: number) =>
  officialBodies.has(tokens[at] ?? '') && officialCharges.has(tokens[at + 1] ?? '')

/**
 * "saying he was from the council's snow team", "saying their sonographers are NHS staff": a
 * claim of affiliation in one sentence (the caller decides whether money changed hands).
 */
function claimsAffiliation(tokens: readonly string[]): PhraseHit | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (!claimVerbs.has(tokens[i] ?? '')) continue
    for (let k = i + 1; k < Math.min(tokens.length, i + 1 + CLAIM_SPAN); k++)
      if (affiliation.has(tokens[k] ?? '') || officialCharge(tokens, k))
        return { phrase: `${tokens[i]} … ${tokens[k]}`, at: i }
  }
  return undefined
}

const LOGO = new Set(['logo', 'logos', 'branding'])
const LOGO_USE = new Set(['using', 'uses', 'used', 'copied', 'copying', 'put'])

/**
 * "is using the council's approved trader logo", "copied the trust's branding": an organisation's
 * mark used by someone else, however many words name it (round 10). Linear.
 */
function usesLogo(tokens: readonly string[]): string | undefined {
  for (let i = 1; i < tokens.length; i++) {
    if (!LOGO.has(tokens[i] ?? '')) continue
    for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
      const w = tokens[k] ?? ''
      if (w === '.') break
      if (LOGO_USE.has(w)) return `${w} … ${tokens[i]}`
    }
  }
  return undefined
}

/** Money changed hands: "paid", "cash", "£89", "bank transfer". */
const paid = (text: string, tokens: readonly string[]) =>
  text.includes('£') || tokens.some((w) => payment.has(w))

/**
 * An account of a specific incident, past or ongoing, that asks nothing but how to act on it:
 * an offence or incident described (not imagined) in a statement, anchored in time ("last
 * night", "every Friday", "at 4pm") or given with evidence or an identifying detail (a
 * registration, an address, a name), and no question other than a process one ("who do I send
 * it to?", "can you get someone down there?"). A question about the rules or advice, an
 * experience years old, or a grievance about how a past report was handled is not a report.
 */
export function incidentAccount(prepared: Prepared, masks: readonly Mask[]): string | undefined {
  const { text, tokens } = prepared
  // Re-reading every sentence doubles the tokenising cost; a chat account is far shorter than
  // this, and without the cap an act repeated over 64 KiB took ~55 ms (bound: 50).
  if (text.length > MAX_ACCOUNT) return undefined
  // A claim of affiliation with money paid is an act too: passing oneself off as staff.
  const claims = paid(text, tokens) && claimsAffiliation(tokens) !== undefined
  if (actHits(tokens).next().done && !claims && !usesLogo(tokens)) return undefined
  if (notAccount.find(tokens) || serviceIssue.find(tokens)) return undefined
  let incident: string | undefined
  let anchored = CLOCK.test(text)
  for (const [sentence] of text.matchAll(SENTENCE)) {
    const t = words(sentence)
    if (t.length === 0) continue
    if (asks(sentence, t)) {
      if (!processAsk.find(t) || asksAdvice(t)) return undefined
      // "can I report it on here?" after an account: that incident, not one in general.
      for (const hit of processAsk.hits(t)) if (REPORTS.test(hit.phrase)) anchored = true
      continue
    }
    if (!incident) {
      for (const hit of actHits(t)) {
        if (hypothetical.find(t, 0, hit.at)) break
        incident = hit.phrase
        break
      }
    }
    if (!incident && !hypothetical.find(t)) incident = usesLogo(t)
    if (!incident && claims) {
      // "…saying he was a planning officer and that it would be knocked down": only an "if" or
      // "would" before the claim makes it imagined, as for an act (round 11).
      const claim = claimsAffiliation(t)
      if (claim && !hypothetical.find(t, 0, claim.at)) incident = claim.phrase
    }
    if (!anchored && timeAnchor.find(t)) anchored = true
  }
  if (!incident) return undefined
  return anchored || identifiesSomeone(masks) || evidence.find(tokens) ? incident : undefined
}

/** Identifying details in a message: a registration, a street address or a named person. */
export const identifiesSomeone = (masks: readonly Mask[]): boolean =>
  masks.some((m) => m.type === 'vehicle_reg' || m.type === 'address' || m.type === 'person_name')
