import {
  AT_HAND,
  FAREWELL,
  INTENT,
  MEANS,
  OUT_OF_REACH,
  TAKING,
  URGENT,
} from './lexicons/self-harm.ts'
import { PhraseGroups } from './normalise.ts'
import { foldNegations } from './situation.ts'

const signs = new PhraseGroups({
  intent: INTENT,
  means: MEANS,
  atHand: AT_HAND,
  taking: TAKING,
  farewell: FAREWELL,
  outOfReach: OUT_OF_REACH,
  urgent: URGENT,
})

/**
 * A disclosure of self-harm or suicide happening now, by the poster or about someone else:
 * "I've got the tablets in front of me and I've written the letters", "she says she can't do it
 * anymore and she's taking everything tonight, she's not answering". Two parts out of intent,
 * means at hand (or being taken) and a farewell; or intent or a farewell with the person out of
 * reach or "tonight" (means alone are ordinary in a mental-health chat: "my meds for tonight"). Read only in the live sentences [from, to) the emergency detector passes, so "if",
 * "last year" and questions that open "is there…" are already left out; intent or a farewell in
 * a `recent` sentence ("last week she said…") counts only with the person out of reach now.
 */
export function selfHarmNow(
  input: readonly string[],
  live: ReadonlyArray<readonly [number, number]>,
  recent: ReadonlyArray<readonly [number, number]> = [],
): string | undefined {
  const tokens = foldNegations(input)
  // One pass for the common case of no sign at all, before any per-sentence work.
  if (signs.found(tokens).size === 0) return undefined
  const found: string[] = []
  let unreachable = false
  let soon = false
  for (const [from, to] of live) {
    const here = signs.found(tokens, from, to)
    if (here.has('intent') && !found.includes('intent')) found.push('intent')
    const held = here.has('means') && here.has('atHand')
    if ((here.has('taking') || held) && !found.includes('means')) found.push('means')
    if (here.has('farewell') && !found.includes('farewell')) found.push('farewell')
    unreachable ||= here.has('outOfReach')
    soon ||= here.has('urgent')
  }
  if (found.length >= 2 || (found.length === 1 && found[0] !== 'means' && (soon || unreachable)))
    return `self-harm now (${found.join(', ')})`
  // "Last week she told me she wanted to end it all… now she isn't answering the door": intent
  // said days ago, and the person out of reach now (round 11). "tonight" alone is not enough.
  if (!unreachable) return undefined
  for (const [from, to] of recent) {
    const here = signs.found(tokens, from, to)
    if (here.has('intent') || here.has('farewell'))
      return 'self-harm risk (said recently; out of reach now)'
  }
  return undefined
}
