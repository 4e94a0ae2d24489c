/**
 * Shared pieces of the duplicate scorer's training (`train-dup-model.ts`) and its
 * leave-one-chat-out check (`eval-dup-cv.ts`): the labelled chats, pair features as the index
 * computes them, a logistic regression, and pairwise scoring of `groupDuplicates`.
 */
import { readFileSync } from 'node:fs'
import { analyse } from '../src/moderation/analyse.ts'
import { FEATURE_NAMES } from '../src/moderation/duplicate-features.ts'
import { groupDuplicates } from '../src/moderation/duplicate-groups.ts'
import type { DuplicateModel } from '../src/moderation/duplicate-model.ts'
import { DuplicateIndex } from '../src/moderation/duplicates.ts'
import { parseJsonl } from '../src/moderation/eval/dataset.ts'
import { pairsOf } from '../src/moderation/eval/metrics.ts'

/**
 * The labelled sets the scorer is trained on. `loadChats` takes other sets by name for
 * out-of-training checks (holdout4–7, no longer blind for duplicates); holdout8 is blind.
 */
export const SETS = ['dev', 'holdout', 'holdout2', 'holdout3'] as const

export interface Chat {
  set: string
  name: string
  /** The messages the analyser calls questions, as the eval groups them. */
  questions: Array<{ id: string; text: string }>
  /** Labelled duplicate pairs over every message of the chat ("a|b", a < b). */
  gold: Set<string>
  /** Features and labels of every pair of questions. */
  x: number[][]
  y: number[]
}

/** Loads every chat of the given sets (the training sets by default), with pair features. */
export function loadChats(
  sets: readonly string[] = SETS,
  dir = new URL('../test/fixtures/moderation/', import.meta.url),
): Chat[] {
  const chats: Chat[] = []
  for (const set of sets) {
    const messages = parseJsonl(readFileSync(new URL(`${set}.jsonl`, dir), 'utf8'))
    const names = [...new Set(messages.map((m) => m.chat))]
    for (const name of names) {
      const inChat = messages.filter((m) => m.chat === name)
      const groups = new Map<string, string[]>()
      for (const m of inChat)
        if (m.dup_group) groups.set(m.dup_group, [...(groups.get(m.dup_group) ?? []), m.id])
      const questions = inChat
        .filter((m) => analyse(m.text, { hashtag: m.hashtag, theme: m.theme }).kind === 'question')
        .map((m) => ({ id: m.id, text: m.text }))
      const group = new Map(inChat.map((m) => [m.id, m.dup_group]))
      const index = new DuplicateIndex()
      for (const q of questions) index.add(q.id, q.text)
      const x: number[][] = []
      const y: number[] = []
      for (let i = 0; i < questions.length; i++) {
        for (let j = i + 1; j < questions.length; j++) {
          const a = questions[i]?.id ?? ''
          const b = questions[j]?.id ?? ''
          x.push(index.features(a, b) ?? [])
          const g = group.get(a)
          y.push(g && g === group.get(b) ? 1 : 0)
        }
      }
      chats.push({ set, name, questions, gold: pairsOf([...groups.values()]), x, y })
    }
  }
  return chats
}

/**
 * Fits a logistic regression by gradient descent on standardised features, positives weighted
 * up (they are about 1 pair in 80), with a little L2; returns weights on the raw scale.
 */
export function fitModel(
  x: readonly number[][],
  y: readonly number[],
  iterations = 400,
): DuplicateModel {
  const d = FEATURE_NAMES.length
  const mean = new Array<number>(d).fill(0)
  const sd = new Array<number>(d).fill(0)
  for (const row of x)
    for (let k = 0; k < d; k++) mean[k] = (mean[k] ?? 0) + (row[k] ?? 0) / x.length
  for (const row of x)
    for (let k = 0; k < d; k++)
      sd[k] = (sd[k] ?? 0) + ((row[k] ?? 0) - (mean[k] ?? 0)) ** 2 / x.length
  for (let k = 0; k < d; k++) sd[k] = Math.sqrt(sd[k] ?? 0) || 1
  const z = x.map((row) => row.map((v, k) => (v - (mean[k] ?? 0)) / (sd[k] ?? 1)))
  const positives = y.reduce((a, b) => a + b, 0)
  const positiveWeight = (y.length - positives) / Math.max(1, positives) / 5
  const w = new Array<number>(d).fill(0)
  let b = 0
  const rate = 0.5
  const l2 = 1e-3
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0)
    let gradB = 0
    let total = 0
    for (let i = 0; i < z.length; i++) {
      const row = z[i] ?? []
      let s = b
      for (let k = 0; k < d; k++) s += (w[k] ?? 0) * (row[k] ?? 0)
      const weight = y[i] ? positiveWeight : 1
      const err = (1 / (1 + Math.exp(-s)) - (y[i] ?? 0)) * weight
      total += weight
      gradB += err
      for (let k = 0; k < d; k++) grad[k] = (grad[k] ?? 0) + err * (row[k] ?? 0)
    }
    b -= (rate * gradB) / total
    for (let k = 0; k < d; k++)
      w[k] = (w[k] ?? 0) - rate * ((grad[k] ?? 0) / total + l2 * (w[k] ?? 0))
  }
  const weights = w.map((wk, k) => round4(wk / (sd[k] ?? 1)))
  const bias = round4(b - w.reduce((acc, wk, k) => acc + (wk * (mean[k] ?? 0)) / (sd[k] ?? 1), 0))
  return { bias, weights }
}

const round4 = (v: number) => Math.round(v * 10000) / 10000

export interface PairCounts {
  hits: number
  predicted: number
  truth: number
}

/** Groups a chat's questions as the eval does and counts pairwise hits. */
export function scoreChat(chat: Chat, threshold: number, model: DuplicateModel): PairCounts {
  const got = pairsOf(groupDuplicates(chat.questions, threshold, model))
  let hits = 0
  for (const p of got) if (chat.gold.has(p)) hits++
  return { hits, predicted: got.size, truth: chat.gold.size }
}

export function add(a: PairCounts, b: PairCounts): PairCounts {
  return { hits: a.hits + b.hits, predicted: a.predicted + b.predicted, truth: a.truth + b.truth }
}

export const ZERO: PairCounts = { hits: 0, predicted: 0, truth: 0 }

export function prf(c: PairCounts): { precision: number; recall: number; f1: number } {
  const precision = c.predicted ? c.hits / c.predicted : 1
  const recall = c.truth ? c.hits / c.truth : 1
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1 }
}

export const BETA = 1

/** Group thresholds searched when one is fitted. */
export const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]

/**
 * The group threshold with the best pooled F-beta over the given chats (F1 by default; beta 0.5,
 * which favours precision, was tried and lost more recall than it gained precision).
 */
export function fitThreshold(chats: readonly Chat[], model: DuplicateModel, beta = BETA): number {
  let best = THRESHOLDS[0] ?? 0.5
  let bestF = -1
  for (const t of THRESHOLDS) {
    const { precision: p, recall: r } = prf(
      chats.reduce((acc, c) => add(acc, scoreChat(c, t, model)), ZERO),
    )
    const f = p + r ? ((1 + beta ** 2) * p * r) / (beta ** 2 * p + r) : 0
    if (f > bestF) {
      bestF = f
      best = t
    }
  }
  return best
}
