import { contentTerms } from './duplicate-terms.ts'

export interface SimilarOptions {
  /** Minimum cosine similarity (0..1) to report; default 0.35. */
  threshold?: number
  /** At most this many results; default 10. */
  limit?: number
  /** Leave this id out (e.g. the message itself). */
  excludeId?: string
}

export interface Similar {
  id: string
  score: number
}

interface Doc {
  terms: ReadonlySet<string>
  /** Squared IDF norm, and the index size it was computed at. */
  norm: number
  normAt: number
}

// Terms in more than this share of a large index only add to scores of candidates found
// through rarer terms; walking their long posting lists would cost a scan.
const COMMON_SHARE = 0.05
const COMMON_MIN_INDEX = 500

export const DEFAULT_THRESHOLD = 0.35

/**
 * An in-memory inverted index of one chat's questions for near-duplicate lookups. Terms are
 * normalised, stemmed content words and paraphrase groups, weighted by inverse document
 * frequency; a lookup only visits documents sharing a term with the query.
 */
export class DuplicateIndex {
  readonly #docs = new Map<string, Doc>()
  readonly #postings = new Map<string, Set<string>>()

  get size(): number {
    return this.#docs.size
  }

  has(id: string): boolean {
    return this.#docs.has(id)
  }

  /** Adds (or replaces) a message. */
  add(id: string, text: string): void {
    if (this.#docs.has(id)) this.remove(id)
    const terms = contentTerms(text)
    this.#docs.set(id, { terms, norm: 0, normAt: 0 })
    for (const term of terms) {
      let posting = this.#postings.get(term)
      if (!posting) {
        posting = new Set()
        this.#postings.set(term, posting)
      }
      posting.add(id)
    }
  }

  /** Removes a message (e.g. rejected or merged away). */
  remove(id: string): void {
    const doc = this.#docs.get(id)
    if (!doc) return
    this.#docs.delete(id)
    for (const term of doc.terms) {
      const posting = this.#postings.get(term)
      posting?.delete(id)
      if (posting?.size === 0) this.#postings.delete(term)
    }
  }

  /** Inverse document frequency of a term in the current index. */
  idf(term: string): number {
    const df = this.#postings.get(term)?.size ?? 0
    return Math.log(1 + (this.#docs.size + 1) / (df + 1))
  }

  /** Existing messages that ask the same thing as `text`, best first. */
  similar(text: string, opts: SimilarOptions = {}): Similar[] {
    return this.similarToTerms(contentTerms(text), opts)
  }

  /** Like `similar`, for a message already in the index. */
  similarToId(id: string, opts: SimilarOptions = {}): Similar[] {
    const doc = this.#docs.get(id)
    return doc ? this.similarToTerms(doc.terms, { excludeId: id, ...opts }) : []
  }

  similarToTerms(terms: ReadonlySet<string>, opts: SimilarOptions = {}): Similar[] {
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD
    const size = this.#docs.size
    const commonDf = size >= COMMON_MIN_INDEX ? size * COMMON_SHARE : Number.POSITIVE_INFINITY
    const dots = new Map<string, number>()
    const common: Array<[string, number]> = []
    let queryNorm = 0
    for (const term of terms) {
      const w = this.idf(term) ** 2
      queryNorm += w
      const posting = this.#postings.get(term)
      if (!posting) continue
      if (posting.size > commonDf) {
        common.push([term, w])
        continue
      }
      for (const id of posting) dots.set(id, (dots.get(id) ?? 0) + w)
    }
    if (queryNorm === 0) return []
    const results: Similar[] = []
    for (const [id, rare] of dots) {
      if (id === opts.excludeId) continue
      const doc = this.#docs.get(id)
      if (!doc) continue
      let dot = rare
      for (const [term, w] of common) if (doc.terms.has(term)) dot += w
      const score = dot / Math.sqrt(queryNorm * this.#norm(doc))
      if (score >= threshold) results.push({ id, score })
    }
    results.sort((a, b) => b.score - a.score)
    return results.slice(0, opts.limit ?? 10)
  }

  /** A document's norm, recomputed once the index has grown or shrunk by a tenth since. */
  #norm(doc: Doc): number {
    const size = this.#docs.size
    if (doc.normAt > 0 && Math.abs(size - doc.normAt) <= doc.normAt * 0.1) return doc.norm
    let sum = 0
    for (const term of doc.terms) sum += this.idf(term) ** 2
    doc.norm = sum
    doc.normAt = size
    return sum
  }
}
