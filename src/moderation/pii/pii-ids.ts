import type { Mask } from '../types.ts'
import { before } from './pii.types.ts'

// Every quantifier below is bounded, so a scan costs at most a few dozen steps per position.
const NI_NUMBER = /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/gi
const REG_CURRENT = /\b[A-Z]{2}\d{2} ?[A-Z]{3}\b/g
const REG_CURRENT_ANY_CASE = /\b[A-Z]{2}\d{2} ?[A-Z]{3}\b/gi
const REG_OLDER = /\b(?:[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])\b/gi
const VEHICLE_CUE =
  /\b(?:reg|registration|plate|plates|number ?plate|car|van|vehicle|lorry|motorbike|moped|transit)\b/
const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const DATE = new RegExp(
  `\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)?\\d{2}|\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTH}),? (?:19|20)\\d{2})\\b`,
  'gi',
)
// The poster's own answer after a question that names the date ("…by date of birth? Mine is …").
const DOB_ANSWER =
  /\b(?:dob|date of birth|birthday|birth date)\b[^.?!]{0,30}[.?!]\s{0,3}(?:mine|his|hers|theirs)(?:'s|’s| is| was)\s{0,2}$/
const DOB_CUE = /\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?|birthday|birth date)\b[^.?!]{0,20}$/

function collect(
  text: string,
  pattern: RegExp,
  type: Mask['type'],
  keep?: (m: RegExpExecArray) => boolean,
): Mask[] {
  const masks: Mask[] = []
  for (const m of text.matchAll(pattern)) {
    if (keep && !keep(m)) continue
    masks.push({ type, start: m.index, end: m.index + m[0].length })
  }
  return masks
}

/** National Insurance numbers (two letters, six digits, suffix A–D). */
export function findNiNumbers(text: string): Mask[] {
  return collect(
    text,
    NI_NUMBER,
    'ni_number',
    (m) =>
      /^[A-Z]{2}$/.test(m[0].slice(0, 2)) ||
      /\bni\b|national insurance/.test(before(text, m.index, 40)),
  )
}

/** Full UK postcodes; partial ones ("M14") and road numbers ("M60") have no inward code. */
export function findPostcodes(text: string): Mask[] {
  return collect(text, POSTCODE, 'postcode', (m) => {
    const value = m[0]
    // "2 am", "3pm": times, not inward codes.
    if (/\d(?:am|pm)$/i.test(value)) return false
    // All-lower-case needs a digit-letter shape that prose rarely has.
    return value !== value.toLowerCase() || /^[a-z]{1,2}\d[a-z\d]? \d[a-z]{2}$/.test(value)
  })
}

/** Vehicle registration marks: current format always, older formats after a vehicle cue. */
export function findVehicleRegs(text: string): Mask[] {
  const current = collect(text, REG_CURRENT, 'vehicle_reg')
  const lower = collect(text, REG_CURRENT_ANY_CASE, 'vehicle_reg', (m) =>
    m[0] !== m[0].toUpperCase() ? VEHICLE_CUE.test(before(text, m.index, 40)) : false,
  )
  const older = collect(text, REG_OLDER, 'vehicle_reg', (m) =>
    VEHICLE_CUE.test(before(text, m.index, 40)),
  )
  return [...current, ...lower, ...older]
}

/** Dates of birth: a date shortly after "dob", "date of birth", "born"… */
export function findDatesOfBirth(text: string): Mask[] {
  return collect(text, DATE, 'dob', (m) => {
    const lead = before(text, m.index, 60)
    return DOB_CUE.test(lead) || DOB_ANSWER.test(lead)
  })
}
