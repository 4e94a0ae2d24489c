/** Measures text the way a network counts it against its limit. */
export type Measure = (text: string) => number

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** Bluesky counts graphemes (300). */
export const countGraphemes: Measure = (text) => [...graphemes.segment(text)].length

const URL_RE = /https?:\/\/\S+/g

/** Mastodon counts characters, every link as 23 (500 by default). */
export const countMastodon: Measure = (text) => [...text.replace(URL_RE, 'x'.repeat(23))].length

/** X weighs links as 23 and characters outside Latin and common punctuation as 2 (280). */
export const countX: Measure = (text) => {
  let n = 0
  for (const ch of text.replace(URL_RE, 'x'.repeat(23))) {
    const c = ch.codePointAt(0) ?? 0
    n += c <= 0x10ff || (c >= 0x2000 && c <= 0x200d) || (c >= 0x2010 && c <= 0x201f) ? 1 : 2
  }
  return n
}

/**
 * [N8] Splits an answer into posts no longer than `limit`: words are never cut unless one word is
 * longer than a post, parts are numbered "(1/3)" when there is more than one, and `tail` (the
 * hashtag and the link to the answer's page) ends the last part.
 */
export function splitThread(body: string, tail: string, limit: number, measure: Measure): string[] {
  const text = body.trim().replace(/[ \t]+/g, ' ')
  const whole = `${text}\n\n${tail}`
  if (measure(whole) <= limit) return [whole]
  // Reserve room for " (99/99)" so numbering never pushes a part over the limit.
  const room = limit - measure(' (99/99)')
  const words = text.split(/(?<=\s)/)
  const parts: string[] = []
  let current = ''
  const push = () => {
    if (current.trim()) parts.push(current.trim())
    current = ''
  }
  for (const word of words) {
    if (measure(current + word) <= room) {
      current += word
      continue
    }
    push()
    let rest = word
    while (measure(rest) > room) {
      const cut = fit(rest, room, measure)
      parts.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    current = rest
  }
  // The tail goes with the last words if it fits, else in a part of its own.
  if (measure(`${current.trim()}\n\n${tail}`) <= room) current = `${current.trim()}\n\n${tail}`
  else {
    push()
    current = tail
  }
  push()
  return parts.map((p, i) => `${p} (${i + 1}/${parts.length})`)
}

/** The longest prefix of `text` (in code units, not splitting a surrogate pair) that fits. */
function fit(text: string, room: number, measure: Measure): number {
  let lo = 1
  let hi = text.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(text.slice(0, mid)) <= room) lo = mid
    else hi = mid - 1
  }
  const code = text.charCodeAt(lo - 1)
  return code >= 0xd800 && code <= 0xdbff && lo > 1 ? lo - 1 : lo
}

/** What ends every answer posted to a network: the chat's hashtag and the answer's permanent page. */
export const answerTail = (hashtag: string, publicUrl: string, answerId: string) =>
  `${hashtag} ${publicUrl}/answers/${answerId}`
