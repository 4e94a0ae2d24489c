/**
 * Words someone else said, quoted by the poster: a threat or insult the poster reports having
 * received ('a lad told my son "we know where you live"') is not the poster's own abuse.
 */

// A speech verb, up to 40 characters, then a quotation of at most 200 characters. Every part is
// bounded and the classes are disjoint from the quote marks, so matching stays linear.
const SPEECH =
  '\\b(i |we )?(?:told|tells|telling|said|says|saying|shouted|shouting|yelled|screamed|texted|texting|messaged|wrote|threatened)\\b'
const REPORTED_QUOTE = new RegExp(`${SPEECH}[^"“”\\n]{0,40}["“][^"“”\\n]{1,200}["”]`, 'gi')
// In single quotes the words hold apostrophes ("you'll"), so the quote ends at the first ' or ’
// not followed by a letter; the lazy run is bounded like the rest.
const REPORTED_SINGLE = new RegExp(
  `${SPEECH}[^'‘’"“”\\n]{0,40}\\s['‘][^\\n]{1,200}?['’](?!\\p{L})`,
  'giu',
)

/**
 * The text with quotations of other people's words blanked out, or undefined when it quotes
 * nobody. The poster's own quoted words ("I told them "…"") are kept.
 */
export function withoutReportedSpeech(text: string): string | undefined {
  let found = false
  const blank = (open: RegExp) => (match: string, self: string | undefined) => {
    if (self) return match
    found = true
    return `${match.slice(0, match.search(open))}. `
  }
  let out = text
  if (text.includes('"') || text.includes('“')) out = out.replace(REPORTED_QUOTE, blank(/["“]/))
  if (text.includes("'") || text.includes('‘')) out = out.replace(REPORTED_SINGLE, blank(/\s['‘]/))
  return found ? out : undefined
}
