import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from '../lexicons/first-names.ts'
import { BUILDING_WORDS, NOT_PROPER, STREET_SUFFIXES } from '../lexicons/streets.ts'
import type { Mask } from '../types.ts'
import { before } from './pii.types.ts'

const NOT_SURNAME = new Set([...NOT_PROPER, ...STREET_SUFFIXES, ...BUILDING_WORDS])
// Capitalised word pairs; the first must be a known first name unless a cue precedes it.
const NAME_PAIR =
  /\b([A-Z][a-z]{1,20}) ((?:Mc|Mac|O'|O’)?[A-Z][a-z]{1,24}(?:-[A-Z][a-z]{1,24})?)\b/g
// Phrases after which a full name is expected even when the first name is not in the lexicon.
const NAME_CUE =
  /(?:\b(?:calling (?:him|her|them)sel(?:f|ves)|(?:man|woman|guy|lady|bloke|girl|boy|someone|somebody|person|he|she|who) (?:called|named|calls? (?:him|her)self)|name is|name's|names are|the (?:owner|seller|buyer|landlord|driver|man|woman|caller|trader),|my (?:neighbour|neighbor|nephew|niece|nan|nana|gran|grandad|grandma|mum|dad|mother|father|son|daughter|brother|sister|aunt|auntie|uncle|cousin|friend|mate|partner|ex|ex-partner|ex-husband|ex-wife|husband|wife|boyfriend|girlfriend|landlord|tenant|carer|colleague|boss)|regards,?|thanks,|thank you,|many thanks,?|cheers,|signed,?|sincerely,?)\s*)$/i

/** Full names (first name and surname) of private individuals. */
export function findNames(text: string): Mask[] {
  const masks: Mask[] = []
  for (const m of text.matchAll(NAME_PAIR)) {
    const first = m[1] ?? ''
    const last = m[2] ?? ''
    if (NOT_SURNAME.has(last) || NOT_PROPER.has(first)) continue
    // The surname must not run into a street or building name ("Albert Road").
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12)
    const nextWord = /^ ([A-Z][a-z]+)/.exec(after)?.[1]
    if (nextWord && NOT_SURNAME.has(nextWord) && !NOT_PROPER.has(nextWord)) continue
    const key = first.toLowerCase()
    const cued = NAME_CUE.test(before(text, m.index, 40))
    const known = FIRST_NAMES.has(key)
    const ambiguous = AMBIGUOUS_FIRST_NAMES.has(key)
    if (!cued && !(known && !ambiguous)) continue
    masks.push({ type: 'person_name', start: m.index, end: m.index + m[0].length })
  }
  return masks
}
