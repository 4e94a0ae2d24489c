/**
 * Leave-one-chat-out check of the duplicate grouper: for each of the twelve labelled chats, fit
 * the pair scorer and the group threshold on the other eleven, group the held-out chat, and pool
 * the pairwise counts. Usage: node --import tsx scripts/eval-dup-cv.ts [--sweep]
 */
import { GROUP_THRESHOLD } from '../src/moderation/duplicate-groups.ts'
import { DUPLICATE_MODEL } from '../src/moderation/duplicate-model.ts'
import {
  add,
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
  pooled = add(pooled, counts)
  bySet.set(held.set, add(bySet.get(held.set) ?? ZERO, counts))
  THRESHOLDS.forEach((t, i) => {
    sweep[i] = add(sweep[i] ?? ZERO, scoreChat(held, t, model))
  })
  console.log(`${held.name.padEnd(44)} threshold ${threshold.toFixed(2)}  ${fmt(counts)}`)
}
for (const [set, c] of bySet) console.log(`held out, ${set.padEnd(9)} ${fmt(c)}`)
console.log(`LEAVE-ONE-CHAT-OUT pooled: ${fmt(pooled)}`)
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
