/** Moderation aids: pure, synchronous analysis of incoming messages, and near-duplicate lookup. */
export { analyse } from './analyse.ts'
export { type GroupableMessage, groupDuplicates } from './duplicate-groups.ts'
export {
  DEFAULT_THRESHOLD,
  DuplicateIndex,
  type Similar,
  type SimilarOptions,
} from './duplicates.ts'
export { applyMasks, findPii } from './pii/pii.ts'
export type { AnalyseContext, Analysis, Flag, Mask, MessageKind, PiiType } from './types.ts'
