import { termList, tokens } from './duplicate-terms.ts'
import { DUPLICATE_STOPWORDS } from './lexicons/paraphrase.ts'

/** What the duplicate matcher keeps of one question. */
export interface DuplicateProfile {
  /** Stemmed content terms and paraphrase classes. */
  terms: ReadonlySet<string>
  /** Character 4-grams of the content words, padded at word edges: meets typos and short forms. */
  grams: ReadonlySet<string>
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
  return { terms: new Set(termList(words)), grams }
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
 * terms, and the larger share of either question's IDF mass that the other covers.
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
  return [cosine, gramCosine, rarest / maxIdf, Math.log1p(shared), coverage]
}
