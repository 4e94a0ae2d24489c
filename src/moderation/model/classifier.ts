/**
 * A linear model per flagged kind (emergency, spam, crime_report, abuse) over the binary features
 * of `features.ts`. Weights are trained offline (`scripts/train-moderation-model.ts`) and loaded
 * from a generated module: no I/O at runtime.
 */

import { wordFeatures } from './features.ts'

export const MODEL_KINDS = ['emergency', 'spam', 'crime_report', 'abuse'] as const
export type ModelKind = (typeof MODEL_KINDS)[number]

/** Serialised weights, as written by the training script. */
export interface KindModelData {
  /** One bias per kind, in `MODEL_KINDS` order. */
  bias: readonly number[]
  /** Without a rule, the model flags a kind at or above this probability. */
  threshold: readonly number[]
  /** A rule's flag is dropped when the model gives the kind less than this (0: never). */
  veto: readonly number[]
  /** Feature name → one weight per kind. Features absent here weigh nothing. */
  weights: Readonly<Record<string, readonly number[]>>
}

/** A model's opinion of one kind: the probability and the features that pushed it up most. */
export interface KindScore {
  kind: ModelKind
  probability: number
  flagged: boolean
  vetoed: boolean
  drivers: string[]
}

type Weighted = readonly [feature: string, weights: readonly number[]]

/** Words whose weighted features are remembered; past this the memory starts afresh. */
const WORD_CACHE_MAX = 50_000

/** Weights indexed for lookup. */
export class KindModel {
  readonly #weights: Map<string, readonly number[]>
  /**
   * Per word, its features that carry a weight: a word's n-grams are built and looked up once,
   * not in every message (most words recur). Bounded, since hostile input can invent any word.
   */
  readonly #words = new Map<string, readonly Weighted[]>()
  readonly #bias: readonly number[]
  readonly #threshold: readonly number[]
  readonly #veto: readonly number[]

  constructor(data: KindModelData) {
    this.#weights = new Map(Object.entries(data.weights))
    this.#bias = data.bias
    this.#threshold = data.threshold
    this.#veto = data.veto
  }

  /** A sink for `extractFeatures` that adds up the weights of the features as they come. */
  scorer(): KindScorer {
    return new KindScorer(this, this.#bias, this.#threshold, this.#veto)
  }

  weightOf(feature: string): readonly number[] | undefined {
    return this.#weights.get(feature)
  }

  /** The weighted ones among a word's own feature and its n-grams. */
  weightedWordFeatures(word: string): readonly Weighted[] {
    let found = this.#words.get(word)
    if (found) return found
    found = wordFeatures(word).flatMap((f) => {
      const w = this.#weights.get(f)
      return w ? [[f, w] as const] : []
    })
    if (this.#words.size >= WORD_CACHE_MAX) this.#words.clear()
    this.#words.set(word, found)
    return found
  }

  /** Scores every kind of a feature set. */
  score(features: Iterable<string>): KindScore[] {
    const scorer = this.scorer()
    for (const f of features) scorer.add(f)
    return scorer.result()
  }
}

const RULE_NAMES = ['emergency', 'spam', 'crime report', 'abuse']

/**
 * The kind whose rule a feature names with its reason (`r:emergency: self-harm now`), or -1.
 * A rule reason the model kept no weight for (it fired in fewer than three training chats, or
 * never) is one the model cannot judge, so that rule's flag is not vetoed.
 */
export function ruleKindOf(feature: string): number {
  if (!feature.startsWith('r:')) return -1
  const colon = feature.indexOf(': ', 2)
  return colon < 0 ? -1 : RULE_NAMES.indexOf(feature.slice(2, colon))
}

/** Adds up one message's weights; `drivers` lists the strongest positive features of a flag. */
export class KindScorer {
  readonly #sums: number[]
  readonly #found = new Map<string, readonly number[]>()
  /** Per kind: its rule fired for a reason the model has no weight for. */
  readonly #unknownRule = MODEL_KINDS.map(() => false)

  constructor(
    private readonly model: KindModel,
    bias: readonly number[],
    private readonly threshold: readonly number[],
    private readonly veto: readonly number[],
  ) {
    this.#sums = MODEL_KINDS.map((_, k) => bias[k] ?? 0)
  }

  add(feature: string): void {
    const w = this.model.weightOf(feature)
    if (w) this.#count(feature, w)
    else {
      const k = ruleKindOf(feature)
      if (k >= 0) this.#unknownRule[k] = true
    }
  }

  addWord(word: string): void {
    for (const [feature, w] of this.model.weightedWordFeatures(word)) this.#count(feature, w)
  }

  #count(feature: string, w: readonly number[]): void {
    if (this.#found.has(feature)) return
    this.#found.set(feature, w)
    for (let k = 0; k < this.#sums.length; k++) this.#sums[k] = (this.#sums[k] ?? 0) + (w[k] ?? 0)
  }

  /**
   * The features that pushed kind k up most, as a moderator reads them: rule signals and words
   * first, word fragments only when little else spoke.
   */
  #drivers(k: number): string[] {
    const positive = [...this.#found]
      .filter(([, w]) => (w[k] ?? 0) > 0)
      .sort((a, b) => (b[1][k] ?? 0) - (a[1][k] ?? 0))
      .map(([f]) => f)
    const named = positive.filter((f) => !f.startsWith('c:'))
    const picked =
      named.length >= 2 ? named : [...named, ...positive.filter((f) => f.startsWith('c:'))]
    return [...new Set(picked.map(describeFeature))].slice(0, 4)
  }

  result(): KindScore[] {
    return MODEL_KINDS.map((kind, k) => {
      const probability = 1 / (1 + Math.exp(-(this.#sums[k] ?? 0)))
      const flagged = probability >= (this.threshold[k] ?? 1)
      const vetoed = probability < (this.veto[k] ?? 0) && !this.#unknownRule[k]
      const drivers = flagged ? this.#drivers(k) : []
      return { kind, probability, flagged, vetoed, drivers }
    })
  }
}

/** A feature name as a moderator would read it: `w:unconscious` → `"unconscious"`. */
export function describeFeature(feature: string): string {
  const colon = feature.indexOf(':')
  const family = feature.slice(0, colon)
  const value = feature.slice(colon + 1)
  if (family === 'w' || family === 'b') return `"${value.replace(/^\^ /, '')}"`
  if (family === 'c') return `"${value.replace(/[<>]/g, '')}…"`
  if (family === 'r') return `rule: ${value}`
  if (family === 'lex') return value
  return `${family}: ${value}`
}

const HEADER = ['bias', 'threshold', 'veto'] as const

/**
 * The text form of a model, one line per row: `bias`, `threshold` and `veto`, then one feature per
 * line, each a name, a tab and one weight per kind separated by spaces. Compact, diff-friendly,
 * and a string constant needs no I/O to load.
 */
export function formatModel(data: KindModelData): string {
  const lines = HEADER.map((row) => `${row}\t${data[row].join(' ')}`)
  for (const [feature, w] of Object.entries(data.weights)) lines.push(`${feature}\t${w.join(' ')}`)
  return lines.join('\n')
}

/** Reads `formatModel` output. */
export function parseModel(text: string): KindModelData {
  const rows: Record<string, number[]> = {}
  const weights: Record<string, number[]> = {}
  for (const line of text.split('\n')) {
    const tab = line.lastIndexOf('\t')
    if (tab < 0) continue
    const name = line.slice(0, tab)
    const values = line
      .slice(tab + 1)
      .split(' ')
      .map(Number)
    if ((HEADER as readonly string[]).includes(name)) rows[name] = values
    else weights[name] = values
  }
  return {
    bias: rows.bias ?? [],
    threshold: rows.threshold ?? [],
    veto: rows.veto ?? [],
    weights,
  }
}
