import { porterStem } from './duplicate-stem.ts'
import { DUPLICATE_STOPWORDS as STOPWORDS, SYNONYMS } from './lexicons/paraphrase.ts'
import { foldCharacters } from './normalise.ts'

const MAX_PHRASE = 4

/** Stems a folded word: possessives and apostrophes dropped, then Porter. */
export function stem(word: string): string {
  return porterStem(word.replace(/'s$|s'$/, '').replace(/'/g, ''))
}

// Single-word paraphrases also match by stem ("ringing" → "ring" → call).
const STEMMED_SYNONYMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>()
  for (const [phrase, canonical] of SYNONYMS) {
    if (!phrase.includes(' ') && !map.has(stem(phrase))) map.set(stem(phrase), canonical)
  }
  return map
})()
const STEMMED_STOPWORDS: ReadonlySet<string> = new Set([...STOPWORDS].map(stem))
// First words of the multi-word paraphrases: only these start a phrase look-up.
const PHRASE_STARTS: ReadonlySet<string> = new Set(
  [...SYNONYMS.keys()].filter((p) => p.includes(' ')).map((p) => p.split(' ')[0] ?? ''),
)

/** Folded word tokens without leetspeak mapping (numbers matter: "3 weeks", "999"). */
export function tokens(text: string): string[] {
  return foldCharacters(text)
    .replace(/https?:\/\/\S+|[@#]\S+/g, ' ')
    .replace(/(\w)[-.&](?=\w)/g, '$1') // "e-bike" → "ebike", "a.m." → "am"
    .split(/[^a-z0-9']+/)
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
}

/**
 * Content terms of a message for duplicate matching: paraphrase phrases mapped to one
 * canonical term, stop words and bare numbers dropped, the rest Porter-stemmed. Returns a set
 * (order not meaningful).
 */
export function contentTerms(text: string): Set<string> {
  return new Set(termList(tokens(text)))
}

/** Content terms in text order (repeats kept), from `tokens` output. */
export function termList(list: readonly string[]): string[] {
  const out: string[] = []
  const stems = new Map<string, string>()
  const stemOf = (word: string): string => {
    let s = stems.get(word)
    if (s === undefined) {
      s = stem(word)
      stems.set(word, s)
    }
    return s
  }
  let i = 0
  while (i < list.length) {
    const word = list[i] ?? ''
    let matched = 0
    let canonical: string | undefined
    if (PHRASE_STARTS.has(word)) {
      for (let n = Math.min(MAX_PHRASE, list.length - i); n >= 2 && !canonical; n--) {
        canonical = SYNONYMS.get(list.slice(i, i + n).join(' '))
        if (canonical) matched = n
      }
    }
    if (!canonical) {
      canonical = SYNONYMS.get(word) ?? STEMMED_SYNONYMS.get(stemOf(word))
      if (canonical) matched = 1
    }
    if (canonical) {
      out.push(canonical)
      i += matched
      continue
    }
    i++
    // Bare numbers are dropped ("3 weeks"), except those of 3+ digits: service numbers and codes.
    if (STOPWORDS.has(word) || word.length < 2 || /^\d{1,2}$/.test(word)) continue
    const stemmed = stemOf(word)
    if (!STEMMED_STOPWORDS.has(stemmed)) out.push(stemmed)
  }
  return out
}
