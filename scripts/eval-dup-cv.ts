/**
 * Leave-one-chat-out check of the duplicate grouper: for each of the twelve labelled chats, fit
 * the pair scorer and the group threshold on the other eleven, group the held-out chat, and pool
 * the pairwise counts. Usage: node --import tsx scripts/eval-dup-cv.ts [--sweep]
 */
import { GROUP_THRESHOLD } from '../src/moderation/duplicate-groups.ts'
import {
  DUPLICATE_MODEL,
  type DuplicateModel,
  duplicateProbability,
} from '../src/moderation/duplicate-model.ts'
import { DEFAULT_THRESHOLD, DuplicateIndex } from '../src/moderation/duplicates.ts'
import {
  add,
  type Chat,
  fitModel,
  fitThreshold,
  loadChats,
  type PairCounts,
  prf,
  scoreChat,
  THRESHOLDS,
  ZERO,
} from './dup-training.ts'

const chats = loadChats()
const fmt = (c: PairCounts) => {
  const s = prf(c)
  return `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F ${s.f1.toFixed(3)} (${c.hits}/${c.predicted} predicted, ${c.truth} labelled)`
}

/**
 * What a moderator sees in the app: each question's best suggestion at the default threshold.
 * Counts suggestions made, those that are a labelled duplicate, and questions that have one.
 */
const SUGGEST_AT = [...new Set([0.8, 0.9, 0.95, 0.98, DEFAULT_THRESHOLD])].sort((a, b) => a - b)
function suggestions(chat: Chat, model: DuplicateModel, threshold: number) {
  const index = new DuplicateIndex(model)
  for (const q of chat.questions) index.add(q.id, q.text)
  const grouped = new Set([...chat.gold].flatMap((p) => p.split('|')))
  let made = 0
  let right = 0
  for (const q of chat.questions) {
    const top = index.similarToId(q.id, { threshold, limit: 1 })[0]
    if (!top) continue
    made++
    if (chat.gold.has([q.id, top.id].sort().join('|'))) right++
  }
  const askable = chat.questions.filter((q) => grouped.has(q.id)).length
  return { made, right, askable }
}
const top1 = SUGGEST_AT.map(() => ({ made: 0, right: 0, askable: 0 }))

/** Average precision of a ranking of pairs: a threshold-free view of the pair scorer alone. */
function averagePrecision(scored: Array<[number, number]>): number {
  scored.sort((a, b) => b[0] - a[0])
  let hits = 0
  let sum = 0
  scored.forEach(([, y], i) => {
    if (!y) return
    hits++
    sum += hits / (i + 1)
  })
  return hits ? sum / hits : 0
}
const ranked: Array<[number, number]> = []

let pooled = ZERO
const sweep = THRESHOLDS.map(() => ZERO)
const bySet = new Map<string, PairCounts>()
for (const held of chats) {
  const train = chats.filter((c) => c !== held)
  const model = fitModel(
    train.flatMap((c) => c.x),
    train.flatMap((c) => c.y),
  )
  const threshold = fitThreshold(train, model)
  const counts = scoreChat(held, threshold, model)
  held.x.forEach((x, i) => {
    ranked.push([duplicateProbability(x, model), held.y[i] ?? 0])
  })
  SUGGEST_AT.forEach((t, i) => {
    const s = suggestions(held, model, t)
    const sum = top1[i] ?? { made: 0, right: 0, askable: 0 }
    sum.made += s.made
    sum.right += s.right
    sum.askable += s.askable
  })
  pooled = add(pooled, counts)
  bySet.set(held.set, add(bySet.get(held.set) ?? ZERO, counts))
  THRESHOLDS.forEach((t, i) => {
    sweep[i] = add(sweep[i] ?? ZERO, scoreChat(held, t, model))
  })
  console.log(`${held.name.padEnd(44)} threshold ${threshold.toFixed(2)}  ${fmt(counts)}`)
}
for (const [set, c] of bySet) console.log(`held out, ${set.padEnd(9)} ${fmt(c)}`)
console.log(`LEAVE-ONE-CHAT-OUT pooled: ${fmt(pooled)}`)
console.log(
  `pair scorer alone, held-out pairs pooled: average precision ${averagePrecision(ranked).toFixed(3)}`,
)
SUGGEST_AT.forEach((t, i) => {
  const { made, right, askable } = top1[i] ?? { made: 0, right: 0, askable: 0 }
  const share = ((100 * right) / Math.max(1, made)).toFixed(0)
  console.log(
    `best suggestion per question at ${t}${t === DEFAULT_THRESHOLD ? ' (default)' : ''}: ` +
      `${right} of ${made} right (${share}%); ${askable} questions have a duplicate`,
  )
})
if (process.argv.includes('--sweep')) {
  console.log('fold models at fixed group thresholds (pooled over held-out chats):')
  THRESHOLDS.forEach((t, i) => {
    console.log(`  ${t.toFixed(2)}  ${fmt(sweep[i] ?? ZERO)}`)
  })
}
const shipped = chats.reduce(
  (acc, c) => add(acc, scoreChat(c, GROUP_THRESHOLD, DUPLICATE_MODEL)),
  ZERO,
)
console.log(
  `shipped model and threshold on all twelve chats (fitted on them, not a test): ${fmt(shipped)}`,
)
