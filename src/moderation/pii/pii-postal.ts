import { BUILDING_WORDS, NOT_PROPER, STREET_SUFFIXES } from '../lexicons/streets.ts'
import type { Mask } from '../types.ts'

const NAME_WORD = "[A-Z][A-Za-z'’-]{1,24}"
const SUFFIX = `(?:${STREET_SUFFIXES.join('|')})`
// "12", "12a", "Flat 3, 12", then one to three capitalised words ending in a street type.
const STREET_ADDRESS = new RegExp(
  `\\b(?:(?:Flat|Apartment|Unit) \\d{1,4}[A-Za-z]?,? )?\\d{1,4}[A-Za-z]?,? (?:${NAME_WORD} ){1,3}${SUFFIX}\\b`,
  'g',
)
const BUILDING_PREFIX = new RegExp(`(?:${NAME_WORD} ){1,2}(?:${BUILDING_WORDS.join('|')}), $`)
const TOWN = new RegExp(`^, (${NAME_WORD}(?: ${NAME_WORD})?)\\b`)

/** Street-level addresses: a house number plus a street name, with an optional town. */
export function findAddresses(text: string): Mask[] {
  const masks: Mask[] = []
  for (const m of text.matchAll(STREET_ADDRESS)) {
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
  return masks
}
