import type { Mask, PiiType } from '../types.ts'
import type { PiiDetector } from './pii.types.ts'
import { findEmails, findPhonesAndCards } from './pii-contact.ts'
import { findDatesOfBirth, findNiNumbers, findPostcodes, findVehicleRegs } from './pii-ids.ts'
import { findNames } from './pii-names.ts'
import { findAddresses } from './pii-postal.ts'

// Earlier detectors win an overlap: a card number is not also a phone, an e-mail's digits are
// not a phone, a postcode inside an address match stays a separate span.
const DETECTORS: readonly PiiDetector[] = [
  findEmails,
  findNiNumbers,
  findPhonesAndCards,
  findDatesOfBirth,
  findPostcodes,
  findAddresses,
  findVehicleRegs,
  findNames,
]

/** Personal data spans in the original text: sorted, non-overlapping. */
export function findPii(text: string): Mask[] {
  // Kept sorted by start so each overlap check is a binary search, not a scan.
  const chosen: Mask[] = []
  for (const detect of DETECTORS) {
    for (const mask of detect(text)) {
      if (mask.end <= mask.start) continue
      const at = firstEndingAfter(chosen, mask.start)
      const next = chosen[at]
      if (next && next.start < mask.end) continue
      chosen.splice(at, 0, mask)
    }
  }
  return chosen
}

/** Index of the first chosen mask that ends after `offset` (masks are sorted and disjoint). */
function firstEndingAfter(chosen: readonly Mask[], offset: number): number {
  let lo = 0
  let hi = chosen.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((chosen[mid]?.end ?? 0) <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

const PLACEHOLDER: Record<PiiType, string> = {
  phone: '[phone]',
  email: '[email]',
  postcode: '[postcode]',
  address: '[address]',
  vehicle_reg: '[vehicle reg]',
  dob: '[date of birth]',
  person_name: '[name]',
  ni_number: '[NI number]',
  card_number: '[card number]',
}

/** Replaces each mask (sorted, non-overlapping) with its placeholder. */
export function applyMasks(text: string, masks: readonly Mask[]): string {
  let out = ''
  let at = 0
  for (const mask of masks) {
    out += text.slice(at, mask.start) + PLACEHOLDER[mask.type]
    at = mask.end
  }
  return out + text.slice(at)
}
