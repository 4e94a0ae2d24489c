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
  return words(foldForTokens(text))
}

/**
 * A message's tokens, and those of the sentences that hold its question: the sentences with a
 * question mark, or the last one when none has (the same array when every sentence asks).
 */
export function askingTokens(text: string): { words: string[]; asking: string[] } {
  const folded = foldForTokens(text)
  const all = words(folded)
  const sentences = folded.split(SENTENCE_END).filter((s) => /[a-z0-9]/.test(s))
  const asks = sentences.filter((s) => s.includes('?'))
  if (asks.length === sentences.length) return { words: all, asking: all }
  return { words: all, asking: words(asks.length > 0 ? asks.join('\n') : (sentences.at(-1) ?? '')) }
}

// Sentence ends: a question mark, full stop or exclamation mark before a space, or a line break.
const SENTENCE_END = /(?<=[?.!])\s+|\n+/

function foldForTokens(text: string): string {
  return (
    foldCharacters(text)
      // A link or tag goes, but not the stop it ends with: that still ends its sentence.
      .replace(/https?:\/\/\S+|[@#]\S+/g, (link) => ` ${trailingStops(link)}`)
      .replace(/(\w)[-.&](?=\w)/g, '$1') // "e-bike" → "ebike", "a.m." → "am"
  )
}

function words(folded: string): string[] {
  return folded
    .split(/[^a-z0-9']+/)
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
}

/** The full stops, question and exclamation marks a link or tag ends with. */
function trailingStops(link: string): string {
  let i = link.length
  while (i > 0 && '?.!'.includes(link[i - 1] ?? '')) i--
  return link.slice(i)
}

/**
 * Content terms of a message for duplicate matching: paraphrase phrases mapped to one
 * canonical term, stop words and bare numbers dropped, the rest Porter-stemmed. Returns a set
 * (order not meaningful).
 */
export function contentTerms(text: string): Set<string> {
  return new Set(termList(tokens(text)))
}

/**
 * Content terms in text order (repeats kept), from `tokens` output. Calls for the sentences of
 * one message may share `stems`, a cache of each word's stem.
 */
export function termList(list: readonly string[], stems = new Map<string, string>()): string[] {
  const out: string[] = []
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
