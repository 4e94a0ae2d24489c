import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from '../lexicons/first-names.ts'
import { BUILDING_WORDS, NOT_PROPER, STREET_SUFFIXES } from '../lexicons/streets.ts'
import type { Mask } from '../types.ts'
import { before } from './pii.types.ts'

const NOT_SURNAME = new Set([...NOT_PROPER, ...STREET_SUFFIXES, ...BUILDING_WORDS, ...ORG_WORDS()])

/** Words that make a capitalised pair an organisation, service or place, not a person. */
function ORG_WORDS(): string[] {
  return [
    'Service',
    'Services',
    'Trust',
    'Agency',
    'Council',
    'Hospital',
    'Surgery',
    'Centre',
    'Center',
    'School',
    'Academy',
    'College',
    'University',
    'Primary',
    'Station',
    'Police',
    'Fire',
    'Rescue',
    'Ambulance',
    'Coastguard',
    'Standards',
    'Highways',
    'Housing',
    'Association',
    'Group',
    'Ltd',
    'Limited',
    'Bank',
    'Mail',
    'Office',
    'Department',
    'Team',
    'Watch',
    'Ward',
    'Unit',
    'Bay',
    'Bridge',
    'Beach',
    'Sands',
    'Harbour',
    'River',
    'Moor',
    'Forest',
    'Castle',
    'Abbey',
    'Church',
    'Cathedral',
    'Market',
    'Airport',
    'Motorway',
    'Services',
    'Partnership',
    'Foundation',
    'Network',
    'Direct',
    'Online',
    'Line',
    'Insurance',
    // schemes and laws named after a person ("the Herbert Protocol"), round 12
    'Protocol',
    'Scheme',
    'Act',
    'Award',
    'Fund',
    'Programme',
    'Initiative',
    'Pledge',
    'Charter',
    'Inquiry',
    // Hill and lake names ("Great Gable Crag", "Ullswater Fell"), rarely surnames. Not "Pike":
    // it is a surname as often as a hill.
    'Fell',
    'Crag',
    'Tarn',
    'Peak',
    'Tor',
    'Ghyll',
  ]
}

const L = '\\p{Lu}'
const l = '\\p{Ll}'
const WORD = `${L}${l}{1,20}`
// A surname, with an optional particle ("Mac Aodha", "ap Gwilym", "van der Berg", "O'Neill").
const SURNAME = `(?:(?:Mac|Mc|Nic|Ní|Ó|O|ap|ab|de|da|di|du|van|von|der|den|le|la|al|el|bin|ibn)[ '’-])?(?:Mc|Mac|O'|O’)?${L}${l}{1,24}(?:-${L}${l}{1,24})?`
// Capitalised word pairs; the first must be a known first name unless a cue precedes it.
const NAME_PAIR = new RegExp(`(?<![\\p{L}\\p{N}])(${WORD}) (${SURNAME})(?![\\p{L}\\p{N}])`, 'gu')
// A title with an optional first name: "Mr Hargreaves", "Mrs Eileen Thwaite", "Dr. Ferreira".
const TITLED = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Cllr|Revd|Rev)\\.? (?:(${WORD}) )?(${SURNAME})(?![\\p{L}\\p{N}])`,
  'gu',
)
// Phrases after which a full name is expected even when the first name is not in the lexicon:
// relations and roles ("my neighbour's son", "the landlord,"), naming frames ("her name is",
// "in the name of", "calling himself"), self-introductions and sign-offs.
const ROLE =
  'neighbour|neighbor|neighbours|nephew|niece|nan|nana|gran|grandad|grandma|grandson|granddaughter|mum|mam|mom|dad|mother|father|son|daughter|brother|sister|aunt|auntie|uncle|cousin|friend|mate|partner|ex|ex-partner|ex-husband|ex-wife|husband|wife|boyfriend|girlfriend|fiancée?|landlord|landlady|tenant|lodger|flatmate|carer|home help|cleaner|childminder|nanny|babysitter|housekeeper|gardener|colleague|boss|manager|agent|builder|trader|roofer|plumber|electrician|seller|buyer|owner|driver|caller|client|patient|pupil|child|stepdad|stepmum|stepson|stepdaughter|teacher|tutor|coach|worker|officer|man|woman|guy|lady|bloke|girl|boy'
// A cue must end the lead. It is read backwards from the end (`$`, then a lookbehind), so the
// long list is tried at that one place, not from each of the lead's 40 characters; the lead is
// given without trailing spaces, which no cue ends in.
const NAME_CUE = new RegExp(
  `$(?<=\\b(?:calling (?:him|her|them)sel(?:f|ves)|(?:man|woman|guy|lady|bloke|girl|boy|someone|somebody|person|he|she|who) (?:called|named|calls? (?:him|her)self)|name (?:is|was)|name's|names (?:are|were|is)|named|in the name of|name of|(?:${ROLE})(?:'s|’s)?,?|(?:${ROLE}) (?:for|of|to)|caring for|looking after|looks after|on behalf of|details (?:are|is):?|details:|i am|i'm|this is|it's me,|me,|regards,?|thanks,|thank you,|many thanks,?|cheers,|signed,?|sincerely,?|from,?))`,
  'i',
)
// A pair alone at the end of the message after a sentence: a sign-off ("… ? Siobhan Mac Aodha").
const SIGN_OFF_AFTER = /^[\s.!]{0,3}$/
const SIGN_OFF_BEFORE = /[.!?\n]\s{0,3}$/
const SURNAME_PARTS = /[ '’-]/
const NEXT_WORD = /^ (\p{Lu}\p{Ll}+)/u
const POSSESSIVE = /^['’]s \p{Lu}/u

/**
 * Street types that are as common as surnames ("my mum, Doris Hill,"): with a known first name
 * and a cue before the pair, a name (round 12). Without a cue they stay a street ("Primrose Hill").
 */
const STREET_SURNAMES = new Set(['Hill', 'Green', 'Lane', 'Field', 'Fields', 'Croft', 'Grange'])

function isOrganisation(words: readonly string[]): boolean {
  return words.some((w) => NOT_SURNAME.has(w))
}

/** A pair alone at the end of the message, after a sentence. */
function isSignOff(text: string, start: number, end: number): boolean {
  return (
    SIGN_OFF_BEFORE.test(text.slice(Math.max(0, start - 4), start)) &&
    SIGN_OFF_AFTER.test(text.slice(end))
  )
}

/** Full names (first name and surname, or title and surname) of private individuals. */
export function findNames(text: string): Mask[] {
  const masks: Mask[] = []
  for (const m of text.matchAll(TITLED)) {
    const first = m[1]
    const last = m[2] ?? ''
    if (isOrganisation([last]) || (first && NOT_PROPER.has(first))) continue
    masks.push({ type: 'person_name', start: m.index, end: m.index + m[0].length })
  }
  for (const m of text.matchAll(NAME_PAIR)) {
    const first = m[1] ?? ''
    const last = m[2] ?? ''
    const lastWords = last.split(SURNAME_PARTS)
    const streetSurname = STREET_SURNAMES.has(last)
    if (NOT_SURNAME.has(first) || NOT_PROPER.has(first)) continue
    if (isOrganisation(lastWords) && !streetSurname) continue
    const end = m.index + m[0].length
    const after = text.slice(end, end + 16)
    // The surname must not run into a street, building or organisation ("Albert Road"), and a
    // possessive before a capitalised word names a place or business ("Robin Hood's Bay").
    const nextWord = NEXT_WORD.exec(after)?.[1]
    if (nextWord && NOT_SURNAME.has(nextWord) && !NOT_PROPER.has(nextWord)) continue
    if (POSSESSIVE.test(after)) continue
    const key = first.toLowerCase()
    const known = FIRST_NAMES.has(key) && !AMBIGUOUS_FIRST_NAMES.has(key)
    if (streetSurname && !known) continue
    const cueNeeded = streetSurname || (!known && !isSignOff(text, m.index, end))
    // The cue, the costliest test, is looked for last.
    if (cueNeeded && !NAME_CUE.test(before(text, m.index, 40).trimEnd())) continue
    masks.push({ type: 'person_name', start: m.index, end })
  }
  return masks.sort((a, b) => a.start - b.start)
}
