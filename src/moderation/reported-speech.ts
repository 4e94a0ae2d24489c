/**
 * Words someone else said, quoted by the poster: a threat or insult the poster reports having
 * received ('a lad told my son "we know where you live"') is not the poster's own abuse.
 */

// A speech verb, up to 40 characters, then a quotation of at most 200 characters. Every part is
// bounded and the classes are disjoint from the quote marks, so matching stays linear.
const REPORTED_QUOTE =
  /\b(i |we )?(?:told|tells|telling|said|says|saying|shouted|shouting|yelled|screamed|texted|texting|messaged|wrote|threatened)\b[^"“”\n]{0,40}["“][^"“”\n]{1,200}["”]/gi

/**
 * The text with quotations of other people's words blanked out, or undefined when it quotes
 * nobody. The poster's own quoted words ("I told them "…"") are kept.
 */
export function withoutReportedSpeech(text: string): string | undefined {
  if (!text.includes('"') && !text.includes('“')) return undefined
  let found = false
  const out = text.replace(REPORTED_QUOTE, (match, self: string | undefined) => {
    if (self) return match
    found = true
    const open = match.search(/["“]/)
    return `${match.slice(0, open)}. `
  })
  return found ? out : undefined
}
