import { termList, tokens } from './duplicate-terms.ts'
import { INTENT_TERMS, QUESTION_INTENTS } from './lexicons/duplicate-intents.ts'
import { DUPLICATE_STOPWORDS } from './lexicons/paraphrase.ts'

/** What the duplicate matcher keeps of one question. */
export interface DuplicateProfile {
  /** Stemmed content terms and paraphrase classes. */
  terms: ReadonlySet<string>
  /** Character 4-grams of the content words, padded at word edges: meets typos and short forms. */
  grams: ReadonlySet<string>
  /** What is asked: question-type patterns and the paraphrase classes that name an ask. */
  intents: ReadonlySet<string>
}

const GRAM = 4

/** Builds the matcher's view of a message. */
export function duplicateProfile(text: string): DuplicateProfile {
  const words = tokens(text)
  const grams = new Set<string>()
  for (const w of words) {
    if (w.length < 3 || DUPLICATE_STOPWORDS.has(w) || /^\d+$/.test(w)) continue
    const padded = ` ${w} `
    for (let i = 0; i + GRAM <= padded.length; i++) grams.add(padded.slice(i, i + GRAM))
  }
  const terms = new Set(termList(words))
  const joined = words.join(' ')
  const intents = new Set<string>()
  for (const [name, pattern] of QUESTION_INTENTS) if (pattern.test(joined)) intents.add(name)
  for (const t of terms) if (INTENT_TERMS.has(t)) intents.add(t)
  return { terms, grams, intents }
}

/** Document frequencies the features are weighted by: those of the chat's index. */
export interface DuplicateStats {
  size: number
  termIdf(term: string): number
  gramIdf(gram: string): number
}

/** Names of the values `pairFeatures` returns, in order (the model's weights follow it). */
export const FEATURE_NAMES = [
  'cosine',
  'gramCosine',
  'rarestShared',
  'sharedTerms',
  'coverage',
  'topicSameAsk',
  'topicOtherAsk',
] as const

/** Squared-IDF norms of a profile, cached by the index. */
export interface Norms {
  terms: number
  grams: number
}

export function norms(p: DuplicateProfile, stats: DuplicateStats): Norms {
  let terms = 0
  for (const t of p.terms) terms += stats.termIdf(t) ** 2
  let grams = 0
  for (const g of p.grams) grams += stats.gramIdf(g) ** 2
  return { terms, grams }
}

/**
 * Similarity features of two questions: IDF-weighted term cosine, character 4-gram cosine, how
 * rare the rarest shared term is (relative to the rarest possible), log of the number of shared
 * terms, the larger share of either question's IDF mass that the other covers, and the cosine
 * of the topic terms alone (intent classes left out) when the two ask at least one same thing,
 * and when each also asks something the other does not (the near miss: same topic, other ask).
 */
export function pairFeatures(
  a: DuplicateProfile,
  b: DuplicateProfile,
  stats: DuplicateStats,
  na: Norms = norms(a, stats),
  nb: Norms = norms(b, stats),
): number[] {
  let dot = 0
  let shared = 0
  let rarest = 0
  let massA = 0
  let massShared = 0
  for (const t of a.terms) {
    const w = stats.termIdf(t)
    massA += w
    if (!b.terms.has(t)) continue
    dot += w * w
    shared++
    massShared += w
    if (w > rarest) rarest = w
  }
  let massB = 0
  for (const t of b.terms) massB += stats.termIdf(t)
  let gramDot = 0
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams]
  for (const g of small) if (large.has(g)) gramDot += stats.gramIdf(g) ** 2
  const cosine = na.terms && nb.terms ? dot / Math.sqrt(na.terms * nb.terms) : 0
  const gramCosine = na.grams && nb.grams ? gramDot / Math.sqrt(na.grams * nb.grams) : 0
  const maxIdf = Math.log(1 + (stats.size + 1))
  const coverage = Math.max(massA && massShared / massA, massB && massShared / massB)
  const topic = topicCosine(a.terms, b.terms, stats)
  let sameAsk = 0
  for (const i of a.intents) if (b.intents.has(i)) sameAsk++
  const otherAsk = a.intents.size > sameAsk && b.intents.size > sameAsk
  return [
    cosine,
    gramCosine,
    rarest / maxIdf,
    Math.log1p(shared),
    coverage,
    sameAsk > 0 ? topic : 0,
    otherAsk ? topic : 0,
  ]
}

/** IDF cosine over the terms that are not intent classes. */
function topicCosine(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  stats: DuplicateStats,
): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (const t of a) {
    if (INTENT_TERMS.has(t)) continue
    const w = stats.termIdf(t) ** 2
    na += w
    if (b.has(t)) dot += w
  }
  for (const t of b) if (!INTENT_TERMS.has(t)) nb += stats.termIdf(t) ** 2
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}
