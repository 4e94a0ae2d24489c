import {
  type DuplicateProfile,
  type DuplicateStats,
  duplicateProfile,
  type Norms,
  norms,
  pairFeatures,
} from './duplicate-features.ts'
import { DUPLICATE_MODEL, type DuplicateModel, duplicateProbability } from './duplicate-model.ts'

export interface SimilarOptions {
  /** Minimum probability (0..1) that both ask the same thing; default `DEFAULT_THRESHOLD`. */
  threshold?: number
  /** At most this many results; default 10. */
  limit?: number
  /** Leave this id out (e.g. the message itself). */
  excludeId?: string
}

export interface Similar {
  id: string
  /** The pair scorer's probability that one answer would serve both. */
  score: number
}

interface Doc {
  profile: DuplicateProfile
  /** Squared-IDF norms, and the index size they were computed at. */
  norms: Norms
  normAt: number
}

// Terms in more than this share of a large index only add to scores of candidates found
// through rarer terms; walking their long posting lists would cost a scan.
const COMMON_SHARE = 0.02
const COMMON_MIN_INDEX = 500
// Candidates found by term cosine that the pair scorer re-scores: several per result asked for.
const RESCORE_PER_RESULT = 4
const RESCORE_MIN = 40
// Below this term cosine the scorer never reached 0.3 on the labelled chats (docs/moderation.md).
const MIN_CANDIDATE_COSINE = 0.05

/**
 * Probability a lookup reports by default. The scorer is trained with positives weighted up, so
 * its scores run high: held out chat by chat, a best suggestion at 0.95 was right about half the
 * time, and twice as many right suggestions were made as by the old cosine ≥ 0.35 at a similar
 * hit rate (docs/moderation.md).
 */
export const DEFAULT_THRESHOLD = 0.95

/**
 * An in-memory inverted index of one chat's questions for near-duplicate lookups. A lookup
 * finds candidates through shared content terms (IDF cosine, visiting only the postings of the
 * query's terms) and re-scores the best of them with a small learned pair scorer that also
 * weighs character 4-grams and how rare the shared terms are.
 */
export class DuplicateIndex {
  readonly #docs = new Map<string, Doc>()
  readonly #postings = new Map<string, Set<string>>()
  readonly #gramDf = new Map<string, number>()
  readonly #model: DuplicateModel
  readonly #stats: DuplicateStats = {
    size: 0,
    termIdf: (term) => this.idf(term),
    gramIdf: (gram) => this.#idf(this.#gramDf.get(gram) ?? 0),
  }

  constructor(model: DuplicateModel = DUPLICATE_MODEL) {
    this.#model = model
  }

  get size(): number {
    return this.#docs.size
  }

  has(id: string): boolean {
    return this.#docs.has(id)
  }

  /** Adds (or replaces) a message. */
  add(id: string, text: string): void {
    if (this.#docs.has(id)) this.remove(id)
    const profile = duplicateProfile(text)
    this.#docs.set(id, { profile, norms: { terms: 0, grams: 0 }, normAt: 0 })
    this.#stats.size = this.#docs.size
    for (const term of profile.terms) {
      let posting = this.#postings.get(term)
      if (!posting) {
        posting = new Set()
        this.#postings.set(term, posting)
      }
      posting.add(id)
    }
    for (const g of profile.grams) this.#gramDf.set(g, (this.#gramDf.get(g) ?? 0) + 1)
  }

  /** Removes a message (e.g. rejected or merged away). */
  remove(id: string): void {
    const doc = this.#docs.get(id)
    if (!doc) return
    this.#docs.delete(id)
    this.#stats.size = this.#docs.size
    for (const term of doc.profile.terms) {
      const posting = this.#postings.get(term)
      posting?.delete(id)
      if (posting?.size === 0) this.#postings.delete(term)
    }
    for (const g of doc.profile.grams) {
      const df = (this.#gramDf.get(g) ?? 1) - 1
      if (df > 0) this.#gramDf.set(g, df)
      else this.#gramDf.delete(g)
    }
  }

  /** Inverse document frequency of a term in the current index. */
  idf(term: string): number {
    return this.#idf(this.#postings.get(term)?.size ?? 0)
  }

  /** Existing messages that ask the same thing as `text`, best first. */
  similar(text: string, opts: SimilarOptions = {}): Similar[] {
    return this.#similar(duplicateProfile(text), opts)
  }

  /** Like `similar`, for a message already in the index. */
  similarToId(id: string, opts: SimilarOptions = {}): Similar[] {
    const doc = this.#docs.get(id)
    return doc ? this.#similar(doc.profile, { excludeId: id, ...opts }, doc) : []
  }

  /** The pair scorer's features for two indexed messages (for training and tests). */
  features(a: string, b: string): number[] | undefined {
    const da = this.#docs.get(a)
    const db = this.#docs.get(b)
    if (!da || !db) return undefined
    return pairFeatures(da.profile, db.profile, this.#stats, this.#norms(da), this.#norms(db))
  }

  #idf(df: number): number {
    return Math.log(1 + (this.#docs.size + 1) / (df + 1))
  }

  #similar(query: DuplicateProfile, opts: SimilarOptions, self?: Doc): Similar[] {
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD
    const limit = opts.limit ?? 10
    const queryNorms = self ? this.#norms(self) : norms(query, this.#stats)
    const candidates = this.#candidates(query, queryNorms.terms, opts.excludeId)
    const keep = Math.max(RESCORE_MIN, limit * RESCORE_PER_RESULT)
    if (candidates.length > keep) {
      candidates.sort((a, b) => b[1] - a[1])
      candidates.length = keep
    }
    const results: Similar[] = []
    for (const [id] of candidates) {
      const doc = this.#docs.get(id) as Doc
      const features = pairFeatures(query, doc.profile, this.#stats, queryNorms, this.#norms(doc))
      const score = duplicateProbability(features, this.#model)
      if (score >= threshold) results.push({ id, score })
    }
    results.sort((a, b) => b.score - a.score)
    return results.slice(0, limit)
  }

  /** Indexed messages sharing a content term with the query, with their IDF term cosine. */
  #candidates(
    query: DuplicateProfile,
    queryNorm: number,
    excludeId?: string,
  ): Array<[string, number]> {
    const size = this.#docs.size
    const commonDf = size >= COMMON_MIN_INDEX ? size * COMMON_SHARE : Number.POSITIVE_INFINITY
    const dots = new Map<string, number>()
    const common: Array<[string, number]> = []
    for (const term of query.terms) {
      const posting = this.#postings.get(term)
      if (!posting) continue
      const w = this.idf(term) ** 2
      if (posting.size > commonDf) {
        common.push([term, w])
        continue
      }
      for (const id of posting) dots.set(id, (dots.get(id) ?? 0) + w)
    }
    const out: Array<[string, number]> = []
    if (queryNorm === 0) return out
    for (const [id, rare] of dots) {
      if (id === excludeId) continue
      const doc = this.#docs.get(id)
      if (!doc) continue
      let dot = rare
      for (const [term, w] of common) if (doc.profile.terms.has(term)) dot += w
      const cosine = dot / Math.sqrt(queryNorm * this.#norms(doc).terms)
      if (cosine >= MIN_CANDIDATE_COSINE) out.push([id, cosine])
    }
    return out
  }

  /** A document's norms, recomputed once the index has grown or shrunk by a tenth since. */
  #norms(doc: Doc): Norms {
    const size = this.#docs.size
    if (doc.normAt > 0 && Math.abs(size - doc.normAt) <= doc.normAt * 0.1) return doc.norms
    doc.norms = norms(doc.profile, this.#stats)
    doc.normAt = size
    return doc.norms
  }
}
