import type { Mask } from '../types.ts'
import { before } from './pii.types.ts'

// A run of digit groups joined by single spaces, hyphens, dots or brackets. Greedy with one
// character class, so each chunk is found in linear time.
const NUMBER_CHUNK = /\+?\(?\d[\d\- ().]*\d|\d/g

// Words that, just before a number, say it is a reference rather than a phone number.
const REFERENCE_CUE =
  /\b(?:ref|refs|reference|log|crime|case|incident|order|account|acc|a\/c|sort code|tracking|invoice|policy|claim|ticket|booking|customer|membership|serial|frame|no\.?|nfrc|cri)\b[^0-9]{0,12}$/
// Words that, just before a number, say it is a phone number; they win over an earlier
// reference word ("tel no.", "the case worker's mobile is…", "order on 0…": a call to order).
const PHONE_CUE =
  /\b(?:tel|tel\. no|tel no|telephone|phone|mobile|mob|cell|landline|whatsapp|number is|number was|number's|numbers are|me on|him on|her on|them on|us on|order on|orders on|book on|bookings on|enquiries on|call|ring|text)\b[^0-9a-z]{0,4}(?:is |was |on |at )?[^0-9a-z]{0,3}$/

/** True when the words before a number say it is a reference, not a phone number. */
function isReference(text: string, start: number): boolean {
  const lead = before(text, start, 30)
  return REFERENCE_CUE.test(lead) && !PHONE_CUE.test(lead)
}

/** Digits of a chunk (keeps a leading "+"). */
function digitsOf(chunk: string): string {
  return chunk.replace(/[^\d+]/g, '')
}

/** True for a UK phone number in national or +44 form (10–11 digits, plausible prefix). */
export function isUkPhoneDigits(digits: string): boolean {
  let national = digits
  if (national.startsWith('+44')) national = `0${national.slice(3).replace(/^0/, '')}`
  else if (national.startsWith('0044')) national = `0${national.slice(4).replace(/^0/, '')}`
  if (national.startsWith('+')) return false
  if (!/^0[1-37-9]/.test(national)) return false
  return national.length === 11 || (national.length === 10 && /^0(?:1|800|500)/.test(national))
}

/** Luhn checksum, used to tell payment card numbers from other long numbers. */
export function luhn(digits: string): boolean {
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

/** Phone numbers and payment card numbers, from number chunks in the text. */
export function findPhonesAndCards(text: string): Mask[] {
  const masks: Mask[] = []
  for (const match of text.matchAll(NUMBER_CHUNK)) {
    let chunk = match[0]
    let start = match.index
    // Trim a trailing ")" or "." the chunk grabbed from the sentence, and an unmatched "(".
    chunk = chunk.replace(/[\s.\-(]+$/, '')
    if (chunk.startsWith('(') && !chunk.includes(')')) {
      chunk = chunk.slice(1)
      start += 1
    }
    const digits = digitsOf(chunk)
    const end = start + chunk.length
    const prevChar = start > 0 ? text[start - 1] : ''
    // Part of a word or of a longer code (e.g. "NFRC240312559810", "CRI/06EE/…").
    if (prevChar && /[A-Za-z/]/.test(prevChar)) continue
    if (end < text.length && /[A-Za-z/]/.test(text[end] ?? '')) continue
    const bare = digits.replace('+', '')
    if (bare.length >= 13 && bare.length <= 19 && luhn(bare) && !digits.startsWith('+')) {
      if (!isReference(text, start)) {
        masks.push({ type: 'card_number', start, end })
      }
      continue
    }
    if (isUkPhoneDigits(digits) && !isReference(text, start)) {
      masks.push({ type: 'phone', start, end })
    }
  }
  return masks
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/
const DOMAIN_CHAR = /[A-Za-z0-9\-.]/

/**
 * E-mail addresses, found by expanding around each "@". Social handles ("@name",
 * "@name@instance") have no local part before their first "@" and are skipped.
 */
export function findEmails(text: string): Mask[] {
  const masks: Mask[] = []
  let from = 0
  while (from < text.length) {
    const at = text.indexOf('@', from)
    if (at < 0) break
    from = at + 1
    let start = at
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1] ?? '')) start--
    if (start === at || text[start - 1] === '@') continue
    while (text[start] === '.') start++
    let end = at + 1
    while (end < text.length && end - at < 254 && DOMAIN_CHAR.test(text[end] ?? '')) end++
    while (end > at + 1 && /[.-]/.test(text[end - 1] ?? '')) end--
    const domain = text.slice(at + 1, end)
    if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) continue
    if (start >= at) continue
    masks.push({ type: 'email', start, end })
    from = end
  }
  return masks
}
