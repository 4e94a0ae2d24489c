import { sentenceRanges, words } from './normalise.ts'

/** A message folded and tokenised once, shared by every detector. */
export interface Prepared {
  text: string
  tokens: string[]
  sentences: Array<[number, number]>
}

/** Folds and tokenises a message for the detectors. */
export function prepare(text: string): Prepared {
  const tokens = words(text)
  return { text, tokens, sentences: sentenceRanges(tokens) }
}
