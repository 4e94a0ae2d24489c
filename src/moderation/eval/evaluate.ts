import { analyse } from '../analyse.ts'
import { groupDuplicates } from '../duplicate-groups.ts'
import type { Analysis, MessageKind } from '../types.ts'
import type { LabelledMessage } from './dataset.ts'
import { pairsOf, round3, scores } from './metrics.ts'

export const EVAL_KINDS = [
  'emergency',
  'crime_report',
  'abuse',
  'spam',
  'thanks',
  'question',
] as const

interface PR {
  precision: number
  recall: number
}

/** The figures the issue asks for, shaped as the `--json` output. */
export interface EvalReport {
  kinds: Record<(typeof EVAL_KINDS)[number], PR>
  thanks: PR & { f1: number }
  pii: { recall: number; cleanMasked: number }
  duplicates: PR
  msPerMessage: number
}

/** Extra detail for the readable table and for tuning; not part of the JSON contract. */
export interface EvalDetail {
  report: EvalReport
  counts: {
    messages: number
    piiSpans: number
    clean: number
    truePairs: number
    predictedPairs: number
  }
  piiRecallByType: Record<string, { found: number; total: number }>
  errors: Array<{ id: string; expected: MessageKind; got: MessageKind; text: string }>
  missedPii: Array<{ id: string; type: string; value: string }>
  falseMasks: Array<{ id: string; value: string; type: string }>
}

/**
 * Runs `analyse` over labelled messages and scores it. Kinds are scored one-vs-rest on `kind`;
 * `thanks` (top level) is scored on the boolean label. Duplicates are grouped per chat over the
 * messages the analyser itself calls questions, as the live system would.
 */
export function evaluate(messages: readonly LabelledMessage[]): EvalDetail {
  const started = performance.now()
  const results: Analysis[] = messages.map((m) =>
    analyse(m.text, { hashtag: m.hashtag, theme: m.theme }),
  )
  const msPerMessage = messages.length ? (performance.now() - started) / messages.length : 0

  const kinds = {} as EvalReport['kinds']
  for (const kind of EVAL_KINDS) {
    let tp = 0
    let predicted = 0
    let actual = 0
    messages.forEach((m, i) => {
      const got = results[i]?.kind === kind
      if (got) predicted++
      if (m.kind === kind) actual++
      if (got && m.kind === kind) tp++
    })
    const s = scores(tp, predicted, actual)
    kinds[kind] = { precision: round3(s.precision), recall: round3(s.recall) }
  }

  let thanksTp = 0
  let thanksPredicted = 0
  let thanksActual = 0
  messages.forEach((m, i) => {
    const got = results[i]?.thanks ?? false
    if (got) thanksPredicted++
    if (m.thanks) thanksActual++
    if (got && m.thanks) thanksTp++
  })
  const t = scores(thanksTp, thanksPredicted, thanksActual)

  const pii = scorePii(messages, results)
  const dup = scoreDuplicates(messages, results)
  const errors = messages.flatMap((m, i) => {
    const got = results[i]?.kind ?? 'comment'
    return got === m.kind ? [] : [{ id: m.id, expected: m.kind, got, text: m.text }]
  })

  return {
    report: {
      kinds,
      thanks: { precision: round3(t.precision), recall: round3(t.recall), f1: round3(t.f1) },
      pii: { recall: round3(pii.recall), cleanMasked: round3(pii.cleanMasked) },
      duplicates: { precision: round3(dup.precision), recall: round3(dup.recall) },
      msPerMessage: Math.round(msPerMessage * 10000) / 10000,
    },
    counts: {
      messages: messages.length,
      piiSpans: pii.total,
      clean: pii.clean,
      truePairs: dup.truePairs,
      predictedPairs: dup.predictedPairs,
    },
    piiRecallByType: pii.byType,
    errors,
    missedPii: pii.missed,
    falseMasks: pii.falseMasks,
  }
}

function scorePii(messages: readonly LabelledMessage[], results: readonly Analysis[]) {
  let total = 0
  let found = 0
  let clean = 0
  let cleanMasked = 0
  const byType: Record<string, { found: number; total: number }> = {}
  const missed: EvalDetail['missedPii'] = []
  const falseMasks: EvalDetail['falseMasks'] = []
  messages.forEach((m, i) => {
    const masks = results[i]?.masks ?? []
    if (m.pii.length === 0) {
      clean++
      if (masks.length > 0) cleanMasked++
    }
    for (const mask of masks) {
      if (!m.pii.some((s) => s.start < mask.end && mask.start < s.end)) {
        falseMasks.push({ id: m.id, type: mask.type, value: m.text.slice(mask.start, mask.end) })
      }
    }
    for (const span of m.pii) {
      total++
      const entry = byType[span.type] ?? { found: 0, total: 0 }
      entry.total++
      // Found when one mask covers the whole labelled span.
      if (masks.some((k) => k.start <= span.start && k.end >= span.end)) {
        found++
        entry.found++
      } else missed.push({ id: m.id, type: span.type, value: span.value })
      byType[span.type] = entry
    }
  })
  return {
    total,
    clean,
    recall: total ? found / total : 1,
    cleanMasked: clean ? cleanMasked / clean : 0,
    byType,
    missed,
    falseMasks,
  }
}

function scoreDuplicates(messages: readonly LabelledMessage[], results: readonly Analysis[]) {
  const chats = new Map<string, number[]>()
  messages.forEach((m, i) => {
    const list = chats.get(m.chat) ?? []
    list.push(i)
    chats.set(m.chat, list)
  })
  let truePairs = 0
  let predictedPairs = 0
  let hits = 0
  for (const indexes of chats.values()) {
    const gold = new Map<string, string[]>()
    for (const i of indexes) {
      const g = messages[i]?.dup_group
      if (g) gold.set(g, [...(gold.get(g) ?? []), messages[i]?.id ?? ''])
    }
    const questions = indexes
      .filter((i) => results[i]?.kind === 'question')
      .map((i) => ({ id: messages[i]?.id ?? '', text: messages[i]?.text ?? '' }))
    const expected = pairsOf([...gold.values()])
    const got = pairsOf(groupDuplicates(questions))
    truePairs += expected.size
    predictedPairs += got.size
    for (const p of got) if (expected.has(p)) hits++
  }
  const s = scores(hits, predictedPairs, truePairs)
  return { ...s, truePairs, predictedPairs }
}
