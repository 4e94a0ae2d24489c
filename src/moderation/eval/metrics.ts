/** Precision, recall and F1 from counts; an empty denominator scores 1 (nothing to get wrong). */
export function scores(truePositives: number, predicted: number, actual: number) {
  const precision = predicted === 0 ? 1 : truePositives / predicted
  const recall = actual === 0 ? 1 : truePositives / actual
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1 }
}

/** Unordered pairs of ids that share a group, as "a|b" keys (a < b). */
export function pairsOf(groups: ReadonlyArray<readonly string[]>): Set<string> {
  const pairs = new Set<string>()
  for (const group of groups) {
    const sorted = [...group].sort()
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) pairs.add(`${sorted[i]}|${sorted[j]}`)
    }
  }
  return pairs
}

/** Rounds to 3 decimals for reports. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000
}
