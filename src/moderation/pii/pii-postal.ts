import { BUILDING_WORDS, NOT_PROPER, STREET_SUFFIXES } from '../lexicons/streets.ts'
import type { Mask } from '../types.ts'

const NAME_WORD = "[A-Z][A-Za-z'’-]{1,24}"
const SUFFIX = `(?:${STREET_SUFFIXES.join('|')})`
// "12", "12a", "Flat 3, 12", then one to three capitalised words ending in a street type.
const STREET_ADDRESS = new RegExp(
  `\\b(?:(?:Flat|Apartment|Unit) \\d{1,4}[A-Za-z]?,? )?\\d{1,4}[A-Za-z]?,? (?:${NAME_WORD} ){1,3}${SUFFIX}\\b`,
  'g',
)
// Welsh street names put the street type first: "14 Ffordd Eithin", "3 Maes y Llan", "7 Heol yr Eglwys".
const WELSH_WORD = "[A-ZÀ-ÞŴŶ][A-Za-zÀ-ÿŵŷ'’-]{1,24}"
const WELSH_TYPES = 'Ffordd|Heol|Stryd|Lôn|Lon|Maes|Rhodfa|Cilgant|Teras|Clos|Llys|Cae|Parc|Rhes'
const WELSH_ARTICLE = "(?:y|yr|'r|’r) "
const WELSH_ADDRESS = new RegExp(
  `\\b\\d{1,4}[A-Za-z]?,? (?:${WELSH_TYPES}) (?:${WELSH_ARTICLE})?${WELSH_WORD}(?: (?:${WELSH_ARTICLE})?${WELSH_WORD})?(?![\\p{L}])`,
  'gu',
)
// A building before the street, with its flat ("Flat 12, Beaumont Court, 4 …"; round 12).
const BUILDING_PREFIX = new RegExp(
  `(?:(?:Flat|Apartment|Unit) \\d{1,4}[A-Za-z]?,? )?(?:${NAME_WORD} ){1,2}(?:${BUILDING_WORDS.join('|')}), $`,
)
// A house name instead of a number: "Rose Cottage, Back Lane", "The Old Forge, Mill Road".
const HOUSE_WORDS =
  'Cottage|Cottages|House|Farm|Farmhouse|Lodge|Barn|Barns|Bungalow|Villa|Manor|Grange|Forge|Mill|Hall|Rectory|Vicarage|Stables|Croft|Coach House|Old School'
const NAMED_HOUSE = new RegExp(
  `\\b(?:The )?(?:${NAME_WORD} ){0,2}(?:${HOUSE_WORDS}), (?:${NAME_WORD} ){1,3}${SUFFIX}\\b`,
  'g',
)
// Lower-case addresses as typed on a phone: "22 millbrook road", "flat 2, 9 kings court".
const STREET_WORD_LOWER =
  "(?!(?:the|a|an|on|in|at|of|to|by|for|this|that|my|our|your|their|his|her|per|mph|miles|mins|minutes|days|weeks|years|bags|bins|times|down|up|along|across|off|from|main|same|busy|one|each|every|and|or|more|extra|new|old|big|small|different|separate|other|local|private|public|car|bus|hour|hours|minute|foot|feet|metre|metres|mile|percent|pence|quid|pound|pounds|lane|road|street|way|week|month|year|day)\\b)[a-z][a-z'’-]{1,24}"
const LOWER_SUFFIXES = 'road|street|avenue|lane|crescent|terrace|gardens|mews|grove'
const STREET_ADDRESS_LOWER = new RegExp(
  `\\b(?:flat \\d{1,4}[a-z]?,? )?\\d{1,4}[a-z]?,? (?:${STREET_WORD_LOWER} ){1,2}(?:${LOWER_SUFFIXES})\\b`,
  'g',
)
// A street ending in a word with its type inside it ("7 Kirkgate, Burnley", "12 Kingsway,
// Leeds", "4 Lee Bank Middleway, B15 2AE"): only with a town or, since round 12, a postcode
// after it, since the words alone could be anything.
const COMPOUND_STREET =
  /\b\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z]{1,20} ){0,2}[A-Z][a-z]{2,20}(?:gate|way)(?=, (?:[A-Z][a-z]|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}))/g
const TOWN = new RegExp(`^, (${NAME_WORD}(?: ${NAME_WORD})?)\\b`)

/** Street-level addresses: a house number plus a street name, with an optional town. */
export function findAddresses(text: string): Mask[] {
  const masks: Mask[] = []
  const matches = [
    ...text.matchAll(STREET_ADDRESS),
    ...text.matchAll(NAMED_HOUSE),
    ...text.matchAll(STREET_ADDRESS_LOWER),
    ...text.matchAll(WELSH_ADDRESS),
    ...text.matchAll(COMPOUND_STREET),
  ]
  for (const m of matches) {
    let start = m.index
    let end = m.index + m[0].length
    const building = BUILDING_PREFIX.exec(text.slice(Math.max(0, start - 60), start))
    if (building) start -= building[0].length
    const town = TOWN.exec(text.slice(end, end + 60))
    if (town?.[1]) {
      const words = town[1].split(' ')
      // Keep only leading proper words ("Urmston", "Heaton Moor"), stop before "He", "I"…
      const kept: string[] = []
      for (const w of words) {
        if (NOT_PROPER.has(w) || /^[A-Z]{1,2}\d/.test(w)) break
        kept.push(w)
      }
      if (kept.length > 0) end += 2 + kept.join(' ').length
    }
    masks.push({ type: 'address', start, end })
  }
  // Longest first, so a whole address wins over a piece of it ("12, Beaumont Court").
  return masks.sort((a, b) => b.end - b.start - (a.end - a.start))
}
