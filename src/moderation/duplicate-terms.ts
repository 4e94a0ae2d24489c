import { STOPWORDS, SYNONYMS } from './lexicons/paraphrase.ts'
import { foldCharacters } from './normalise.ts'

const MAX_PHRASE = 4

/** A light suffix stripper: enough to meet "bins"/"bin", "reported"/"report", "muzzled"/"muzzle". */
export function stem(word: string): string {
  let w = word.replace(/'s$|s'$/, '').replace(/'/g, '')
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1)
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3)
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2)
  // "gett" → "get", "stopp" → "stop"
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w)) w = w.slice(0, -1)
  return w
}

/** Folded word tokens without leetspeak mapping (numbers matter: "3 weeks", "999"). */
function tokens(text: string): string[] {
  return foldCharacters(text)
    .replace(/https?:\/\/\S+|[@#]\S+/g, ' ')
    .split(/[^a-z0-9']+/)
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
}

/**
 * Content terms of a message for duplicate matching: paraphrase phrases mapped to one
 * canonical term, stop words dropped, the rest stemmed. Returns a set (order not meaningful).
 */
export function contentTerms(text: string): Set<string> {
  const list = tokens(text)
  const out = new Set<string>()
  let i = 0
  while (i < list.length) {
    let matched = 0
    for (let n = Math.min(MAX_PHRASE, list.length - i); n >= 1; n--) {
      const phrase = list.slice(i, i + n).join(' ')
      const canonical = SYNONYMS.get(phrase) ?? (n === 1 ? SYNONYMS.get(stem(phrase)) : undefined)
      if (canonical) {
        out.add(canonical)
        matched = n
        break
      }
    }
    if (matched) {
      i += matched
      continue
    }
    const word = list[i] ?? ''
    i++
    if (STOPWORDS.has(word) || word.length < 2 || /^\d+$/.test(word)) continue
    const stemmed = stem(word)
    if (!STOPWORDS.has(stemmed)) out.add(stemmed)
  }
  return out
}
