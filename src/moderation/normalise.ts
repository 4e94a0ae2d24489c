import { INSULTS, MASKED_STEMS, PROFANITY, TARGETS, THREATS } from './lexicons/abuse.ts'

/**
 * Text folding shared by the detectors. Folding defeats common obfuscations (homoglyphs, leetspeak,
 * zero-width characters, letter spacing) so that lexicons can be matched word by word. Matching
 * whole words rather than substrings is what keeps place names like Scunthorpe safe.
 */

// Zero-width, soft-hyphen, combining-grapheme-joiner and bidi control characters.
const INVISIBLE =
  /\u00AD|\u034F|\u061C|\u115F|\u1160|\u17B4|\u17B5|\u180E|[\u200B-\u200F]|[\u202A-\u202E]|[\u2060-\u2064]|\uFEFF/g

// Cyrillic and Greek letters that look like Latin ones (NFKD leaves them alone).
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ɑ: 'a',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  ß: 'ss',
}
const HOMOGLYPH_CHARS = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g')

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '€': 'e',
}

/** Removes zero-width and bidi control characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '')
}

// Every character the folding below changes, other than case, is outside ASCII or a backtick.
const FOLDABLE = /[`\u0080-\uffff]/

/** Lower-cases, strips accents and maps look-alike letters to ASCII. */
export function foldCharacters(text: string): string {
  // Plain ASCII folds to its lower case: six regex passes per clause dominated short sentences.
  if (!FOLDABLE.test(text)) return text.toLowerCase()
  return stripInvisible(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(HOMOGLYPH_CHARS, (ch) => HOMOGLYPHS[ch] ?? ch)
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
}

// The per-token patterns are compiled once here: a regex literal in a function is a new object
// each time it runs, and words() runs them for every token.
const LETTER = /[a-z]/
const LEET_CHAR = /[0-9@$!|€]/
const TRAILING_BANGS = /!+$/

/** Maps leetspeak inside a word that also holds letters ("1d10t" → "idiot", but "999" stays). */
export function unleet(word: string): string {
  if (!LETTER.test(word) || !LEET_CHAR.test(word)) return word
  // A loop rather than replace() with a callback, which costs several times more per word.
  let out = ''
  // A trailing "!" is punctuation, not a letter.
  for (const ch of word.replace(TRAILING_BANGS, '')) out += LEET[ch] ?? ch
  return out
}

/**
 * Words a run of spaced-out letters may be cut into ("u r a b s o l u t e c l o w n s" →
 * "u r absolute clowns"): the single words of the abuse lexicons plus a few short function words.
 * Only "a", "i", "u" and "r" may stand alone as one letter.
 */
const RUN_WORDS = new Set<string>(
  [
    ...[...INSULTS, ...PROFANITY, ...THREATS, ...TARGETS, ...MASKED_STEMS].flatMap((p) =>
      p.split(' '),
    ),
    ...['a', 'i', 'u', 'r', 'are', 'is', 'of', 'off', 'the', 'so', 'an', 'what', 'go', 'get'],
    ...['lost', 'up', 'bunch', 'load', 'lot', 'total', 'utter'],
  ].filter((w) => w.length > 1 || 'aiur'.includes(w)),
)
const MAX_RUN_WORD = Math.max(...[...RUN_WORDS].map((w) => w.length))
/** Runs longer than this are kept whole (bounds the cost on adversarial input). */
const MAX_SPLIT_RUN = 48

/**
 * Cuts a run of joined single letters into known words when the run itself is not one: fewest
 * pieces, by dynamic programming over at most MAX_SPLIT_RUN × MAX_RUN_WORD steps. Returns the
 * run unchanged when no cut uses known words only.
 */
export function splitRun(run: string): string[] {
  if (run.length < 3 || run.length > MAX_SPLIT_RUN || RUN_WORDS.has(run) || run.includes('*'))
    return [run]
  // best[i]: fewest pieces covering run[0, i); from[i]: where the last piece starts.
  const best: number[] = [0]
  const from: number[] = [0]
  for (let i = 1; i <= run.length; i++) {
    best[i] = Number.POSITIVE_INFINITY
    for (let k = Math.max(0, i - MAX_RUN_WORD); k < i; k++) {
      const cost = (best[k] ?? Number.POSITIVE_INFINITY) + 1
      if (cost < (best[i] ?? 0) && RUN_WORDS.has(run.slice(k, i))) {
        best[i] = cost
        from[i] = k
      }
    }
  }
  if (!Number.isFinite(best[run.length] ?? Number.POSITIVE_INFINITY)) return [run]
  const pieces: string[] = []
  for (let i = run.length; i > 0; i = from[i] ?? 0) pieces.unshift(run.slice(from[i] ?? 0, i))
  return pieces
}

/** Token marking the end of a sentence in `words()` output; phrases never match across it. */
export const SENTENCE_END = '.'

/** After a lone character: two more lone letters ("0 s e r s"), so the run goes on. */
const SPACED_LETTER = /^ [a-z] [a-z](?![a-z0-9])/

// Words, runs of sentence punctuation and line breaks. Anything else (spaces, symbols) is passed
// over by the search itself: a match object per gap cost as much as the words between them.
const TOKEN = /[a-z0-9*'@$!|€]+|[.!?]+|\n/g
const SPACE = /\s/
const PUNCTUATION = /^[.!?]+$/
const WORD_CHAR = /[a-z0-9*]/
const EDGE_MARK = /^['@$!|]|['!|]$/
const EDGE_MARKS = /^['@$!|]+|['!|]+$/g
const RUN_LETTER = /[a-z*]/
const ELONGATION = /([a-z])\1{2,}/
const ELONGATIONS = new RegExp(ELONGATION.source, 'g')

// Each replace() below is tested for first: few words need it, and replace() is the slower call.

/** Strips quotes and symbols from a word's edges ("'idiot'", "@you"). */
function stripEdgeMarks(word: string): string {
  return EDGE_MARK.test(word) ? word.replace(EDGE_MARKS, '') : word
}

/** Folds elongations ("youuu" → "you"). */
function foldElongation(word: string): string {
  return ELONGATION.test(word) ? word.replace(ELONGATIONS, '$1') : word
}

/** Whether a token ending at `index` is followed by a space or the end of the text. */
function breaksAt(text: string, index: number): boolean {
  return index >= text.length || SPACE.test(text[index] ?? '')
}

/**
 * Splits folded text into words and sentence-end markers, joining runs of single letters
 * ("f u c k", "i.d.i.o.t") and cutting a run that swallowed neighbouring one-letter words into
 * known words ("u r a b s o l u t e" → "u r absolute"), folding elongations ("youuu") and undoing leetspeak. Linear.
 */
export function words(text: string): string[] {
  const folded = foldCharacters(text)
  const out: string[] = []
  let run = ''
  const flush = () => {
    if (run.length > 2) out.push(...splitRun(run))
    else if (run) out.push(run)
    run = ''
  }
  const endSentence = () => {
    flush()
    if (out.length > 0 && out[out.length - 1] !== SENTENCE_END) out.push(SENTENCE_END)
  }
  for (const match of folded.matchAll(TOKEN)) {
    const token = match[0]
    const end = match.index + token.length
    if (token === '\n') {
      endSentence()
      continue
    }
    if (PUNCTUATION.test(token)) {
      // A dot inside "gov.uk" or between spaced letters ("i.d.i.o.t") does not end a sentence.
      const betweenLetters =
        token === '.' && run !== '' && !SPACE.test(folded[match.index - 2] ?? ' ')
      if (breaksAt(folded, end) && !betweenLetters) endSentence()
      continue
    }
    if (!WORD_CHAR.test(token)) continue
    const w = foldElongation(unleet(stripEdgeMarks(token)))
    if (w.length === 1 && RUN_LETTER.test(w)) run += w
    // A leet digit between spaced letters is a letter too ("l 0 s e r s"), but not "a 5 k run".
    else if (
      run &&
      w.length === 1 &&
      LEET[w] &&
      SPACED_LETTER.test(folded.slice(match.index + 1, match.index + 6))
    )
      run += LEET[w]
    else {
      flush()
      if (w) out.push(w)
    }
    if (token.endsWith('!') && breaksAt(folded, end)) endSentence()
  }
  flush()
  return out
}

/** A phrase found in a token list, with the index of its first word. */
export interface PhraseHit {
  phrase: string
  at: number
}

/**
 * Finds lexicon phrases in a token list in one pass: phrases are indexed by their first word, so
 * the cost is linear in the number of tokens whatever the size of the lexicon.
 */
export class PhraseMatcher {
  // The phrase is kept whole beside its words so that a hit allocates nothing but itself.
  readonly #byFirst = new Map<string, Array<{ phrase: string; parts: string[] }>>()

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const parts = phrase.split(' ')
      const first = parts[0] ?? ''
      const list = this.#byFirst.get(first) ?? []
      list.push({ phrase: parts.join(' '), parts })
      this.#byFirst.set(first, list)
    }
  }

  /** The words a phrase may start with: a token not among them starts no hit. */
  firstWords(): IterableIterator<string> {
    return this.#byFirst.keys()
  }

  // Plain loops, not a generator: these run hundreds of times a message, and a generator costs
  // an object per call and another per hit.

  /** Every occurrence in tokens[from, to), in text order. */
  hits(tokens: readonly string[], from = 0, to = tokens.length): PhraseHit[] {
    const found: PhraseHit[] = []
    for (let i = from; i < to; i++) {
      const candidates = this.#byFirst.get(tokens[i] ?? '')
      if (!candidates) continue
      for (const c of candidates)
        if (matchesAt(c.parts, tokens, i, to)) found.push({ phrase: c.phrase, at: i })
    }
    return found
  }

  /** The first phrase that starts at token i and ends by `to`, if any. */
  at(tokens: readonly string[], i: number, to = tokens.length): string | undefined {
    const candidates = this.#byFirst.get(tokens[i] ?? '')
    if (candidates)
      for (const c of candidates) if (matchesAt(c.parts, tokens, i, to)) return c.phrase
    return undefined
  }

  /** The first phrase found in tokens[from, to), if any. */
  find(tokens: readonly string[], from = 0, to = tokens.length): string | undefined {
    for (let i = from; i < to; i++) {
      const candidates = this.#byFirst.get(tokens[i] ?? '')
      if (!candidates) continue
      for (const c of candidates) if (matchesAt(c.parts, tokens, i, to)) return c.phrase
    }
    return undefined
  }
}

/**
 * Several lexicons found in one pass over the tokens rather than one pass each: a detector that
 * asks for many of them over a long message otherwise pays for every token many times over.
 */
export class PhraseGroups<G extends string> {
  /** The group names, in the order given. */
  readonly groups: readonly G[]
  readonly #groupsOf = new Map<string, G[]>()
  readonly #matcher: PhraseMatcher

  constructor(lexicons: Readonly<Record<G, readonly string[]>>) {
    this.groups = Object.keys(lexicons) as G[]
    for (const group of this.groups) {
      for (const phrase of lexicons[group])
        this.#groupsOf.set(phrase, [...(this.#groupsOf.get(phrase) ?? []), group])
    }
    this.#matcher = new PhraseMatcher([...this.#groupsOf.keys()])
  }

  /** The groups that occur in tokens[from, to), each with the distinct phrases found. */
  found(tokens: readonly string[], from = 0, to = tokens.length): Map<G, Set<string>> {
    const found = new Map<G, Set<string>>()
    for (const hit of this.#matcher.hits(tokens, from, to)) {
      for (const group of this.#groupsOf.get(hit.phrase) ?? []) {
        const phrases = found.get(group) ?? new Set<string>()
        found.set(group, phrases.add(hit.phrase))
      }
    }
    return found
  }
}

/** Whether the phrase's words follow one another from token i, ending by `to`. */
function matchesAt(
  parts: readonly string[],
  tokens: readonly string[],
  i: number,
  to: number,
): boolean {
  if (i + parts.length > to) return false
  for (let k = 1; k < parts.length; k++) if (tokens[i + k] !== parts[k]) return false
  return true
}

/** Half-open token ranges [from, to) of the sentences in a `words()` list. */
export function sentenceRanges(tokens: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let from = 0
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i] === SENTENCE_END) {
      if (i > from) ranges.push([from, i])
      from = i + 1
    }
  }
  return ranges
}
