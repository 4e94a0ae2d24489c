import { FEATURE_NAMES } from './duplicate-features.ts'

/** A logistic-regression pair scorer over `pairFeatures`. */
export interface DuplicateModel {
  bias: number
  /** One weight per entry of `FEATURE_NAMES`, in that order. */
  weights: readonly number[]
}

/**
 * Fitted by `scripts/train-dup-model.ts` on every labelled pair of the twelve chats (dev and
 * holdouts 1–3); leave-one-chat-out figures for the same recipe are in docs/moderation.md.
 * Regenerate rather than edit by hand.
 */
export const DUPLICATE_MODEL: DuplicateModel = {
  bias: -4.1893,
  weights: [0.7694, 5.5027, 2.2741, 1.4934, 1.8603, 3.865, -0.4285],
}

/** Probability (0..1) that two questions would be served by one answer. */
export function duplicateProbability(
  features: readonly number[],
  model: DuplicateModel = DUPLICATE_MODEL,
): number {
  let z = model.bias
  for (let i = 0; i < FEATURE_NAMES.length; i++) z += (model.weights[i] ?? 0) * (features[i] ?? 0)
  return 1 / (1 + Math.exp(-z))
}
