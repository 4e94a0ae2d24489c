import type { Mask } from '../types.ts'

/** A detector finds candidate masks in the original text (UTF-16 offsets). */
export type PiiDetector = (text: string) => Mask[]

/** Lower-cased text of up to `width` characters before `index`, for context cues. */
export function before(text: string, index: number, width: number): string {
  return text.slice(Math.max(0, index - width), index).toLowerCase()
}
