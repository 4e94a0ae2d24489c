import { PHISHING, PROMO_EMOJI, QUOTING_SPAM, SPAM_SIGNALS } from './lexicons/spam.ts'
import { PhraseGroups, PhraseMatcher } from './normalise.ts'
import { type Prepared, prepare } from './prepared.ts'
import type { Mask } from './types.ts'

const LINK =
  /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]{2,40}\.(?:com|co\.uk|net|io|xyz|biz|info|shop|example)(?:\/|\b)/i
const MONEY_RATE =
  /£\s?\d[\d,.]{0,12}k?\s?(?:\/|per |a )(?:day|week|month|hour)|£\s?\d[\d,.]{0,12}k? (?:in|into) (?:£|\d{1,3} (?:days?|weeks?|hours?))/i
const PRICE = /£\s?\d{1,6}(?:\.99|\.49)\b|from £\s?\d/i
const ASKING =
  /\b(?:is it|is that|are these|are they|is this|legit|should i|can i|how do|anyone know)\b/i
const DISCOUNT = /\b\d{1,3}\s?% (?:off|discount|success|cheaper)|\bhalf price\b|£££|\$\$\$/i
// A verb telling the reader to get in touch, right before a phone number ("text APPEAL to").
const CALL_TO_NUMBER =
  /\b(?:call|ring|text|whatsapp|phone|dial|message|contact|book)(?: [A-Z]{2,12} to| us| now| today| direct)?(?: on| at)?[\s:]{0,3}$/i
// The poster's own details for a reply ("ring me on", "my number is", "email me at").
const OWN_CONTACT =
  /\b(?:me|my|mine|our)\b(?: (?:mobile|number|phone|email|e-mail|landline|address))?(?: (?:is|on|at))?[\s:,]{0,3}$/i
const HASHTAG = /#[\p{L}\p{N}_]{1,50}/gu
const SHOUT = /\b[A-Z]{4,}\b/g

const signalPhrases = new PhraseGroups(SPAM_SIGNALS)
const quoting = new PhraseMatcher(QUOTING_SPAM)
const phishingPhrases = new PhraseGroups(PHISHING)
const AMOUNT = /£\s?\d/
// Public bodies' own domains: a link there is not an impersonation.
const OFFICIAL =
  /(?:^|[/.@(])(?:gov|nhs|police|mod|parliament|ac)\.uk(?:[/:?#),.]|$)|(?:^|[/.@(])nhs\.net\b/i

// The emergency and spam detectors and the kind model's features all ask for a message's
// phishing shape and spam signals: each is worked out once per prepared message.
const shapes = new WeakMap<Prepared, string[]>()
const signalCache = new WeakMap<Prepared, { masks: readonly Mask[]; found: string[] }>()

/**
 * The parts of a phishing message found: `link`, `brand` (GOV.UK, NHS, HMRC, a council), `money`
 * (a refund, grant or fine, or an amount), `action` (verify, claim, enter your card details) and
 * `urgency` (today, within 48 hours, before midnight).
 */
export function phishingShape(input: string | Prepared): readonly string[] {
  const prepared = typeof input === 'string' ? prepare(input) : input
  const cached = shapes.get(prepared)
  if (cached) return cached
  const { text, tokens } = prepared
  const parts: string[] = []
  if (LINK.test(text)) parts.push('link')
  const found = phishingPhrases.found(tokens)
  for (const part of phishingPhrases.groups) {
    if (found.has(part) || (part === 'money' && AMOUNT.test(text))) parts.push(part)
  }
  shapes.set(prepared, parts)
  return parts
}

/**
 * A message shaped like phishing from a public body: a link and a request to verify or claim,
 * with at least two of brand, money and urgency. Used by the spam detector, and by the emergency
 * detector to ignore a fake "fire safety grant".
 */
export function looksLikePhishing(input: string | Prepared): boolean {
  const prepared = typeof input === 'string' ? prepare(input) : input
  const parts = phishingShape(prepared)
  if (!parts.includes('link') || !parts.includes('action') || parts.length < 4) return false
  // Links only to official domains ("see gov.uk/carers-allowance and claim today") are advice.
  const links = prepared.text.split(/\s+/).filter((chunk) => chunk.length < 300 && LINK.test(chunk))
  return !links.every((chunk) => OFFICIAL.test(chunk))
}

/** Promotion signals in a message; a lexicon group found twice counts twice. */
export function spamSignals(
  input: string | Prepared,
  masks: readonly Mask[] = [],
): readonly string[] {
  const prepared = typeof input === 'string' ? prepare(input) : input
  const cached = signalCache.get(prepared)
  if (cached && cached.masks === masks) return cached.found
  const { text, tokens } = prepared
  const found: string[] = []
  if (LINK.test(text)) found.push('link')
  if (MONEY_RATE.test(text)) found.push('earnings claim')
  if (PRICE.test(text)) found.push('price')
  const phrases = signalPhrases.found(tokens)
  for (const signal of signalPhrases.groups) {
    const hits = Math.min(2, phrases.get(signal)?.size ?? 0)
    for (let i = 0; i < hits; i++) found.push(signal)
  }
  if (DISCOUNT.test(text)) found.push('discount')
  let contact = false
  let callToNumber = false
  for (const m of masks) {
    if (m.type !== 'phone' && m.type !== 'email') continue
    const lead = text.slice(Math.max(0, m.start - 30), m.start)
    if (CALL_TO_NUMBER.test(lead)) callToNumber = true
    // A callback number ("ring me on…") is the poster's own, not a sales line.
    if (!OWN_CONTACT.test(lead)) contact = true
  }
  if (contact) found.push('contact details')
  if (callToNumber) found.push('call to action')
  if (PROMO_EMOJI.some((e) => text.includes(e))) found.push('promotional emoji')
  const tags = new Set((text.match(HASHTAG) ?? []).map((h) => h.toLowerCase()))
  if (tags.size >= 2) found.push('extra hashtags')
  if (text.includes('!!') || (text.match(SHOUT)?.length ?? 0) >= 2) found.push('shouting')
  signalCache.set(prepared, { masks, found })
  return found
}

/**
 * Unsolicited promotion: several independent signals, more when the poster is asking something
 * or describes spam they received.
 */
export function detectSpam(
  input: string | Prepared,
  masks: readonly Mask[] = [],
): string | undefined {
  const prepared = typeof input === 'string' ? prepare(input) : input
  const signals = spamSignals(prepared, masks)
  const asking = ASKING.test(prepared.text) || prepared.text.includes('?')
  const quoted = quoting.find(prepared.tokens) !== undefined
  // Phishing posted as it is (not quoted or asked about by its victim).
  if (!asking && !quoted && looksLikePhishing(prepared)) {
    return `phishing: ${phishingShape(prepared).join(', ')}`
  }
  let needed = ASKING.test(prepared.text) ? 4 : 3
  // "Got a text saying I've won…": the poster quotes spam they received.
  if (quoted) needed += 2
  return signals.length >= needed ? `promotion: ${[...new Set(signals)].join(', ')}` : undefined
}
