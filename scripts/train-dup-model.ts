/**
 * Fits the duplicate pair scorer and the group threshold on all twelve labelled chats and prints
 * the constants for src/moderation/duplicate-model.ts and duplicate-groups.ts.
 * Usage: node --import tsx scripts/train-dup-model.ts
 */
import { FEATURE_NAMES } from '../src/moderation/duplicate-features.ts'
import { fitModel, fitThreshold, loadChats } from './dup-training.ts'

const chats = loadChats()
const model = fitModel(
  chats.flatMap((c) => c.x),
  chats.flatMap((c) => c.y),
)
const threshold = fitThreshold(chats, model)
console.log(`// features: ${FEATURE_NAMES.join(', ')}`)
console.log(`bias: ${model.bias},\nweights: [${model.weights.join(', ')}],`)
console.log(`GROUP_THRESHOLD = ${threshold}`)
