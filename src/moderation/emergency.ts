import { DANGER, IN_PROGRESS, NOT_NOW, STRONG_NOW, WEAK_NOW } from './lexicons/emergency.ts'
import { PhraseMatcher } from './normalise.ts'
import { type Prepared, prepare } from './prepared.ts'

const danger = new PhraseMatcher(DANGER)
const inProgress = new PhraseMatcher(IN_PROGRESS)
const notNow = new PhraseMatcher(NOT_NOW)
const strongNow = new PhraseMatcher(STRONG_NOW)
const weakNow = new PhraseMatcher(WEAK_NOW)
const YEAR = /^(?:19|20)\d\d$/

/**
 * Danger happening now: a harm word in a sentence that is not hypothetical or past, together
 * with a sign of the present ("right now", "just", "still", an -ing verb of harm, a plea for
 * help). Questions about what to do *if* something happens stay questions.
 */
export function detectEmergency(input: string | Prepared): string | undefined {
  const { tokens, sentences } = typeof input === 'string' ? prepare(input) : input
  // A year ("in 2022"), "if", "ago"… date the harm or make it hypothetical.
  const current = sentences.filter(([from, to]) => {
    if (notNow.find(tokens, from, to)) return false
    for (let i = from; i < to; i++) if (YEAR.test(tokens[i] ?? '')) return false
    return true
  })
  const anyStrong = current.some(([from, to]) => strongNow.find(tokens, from, to))
  for (const [from, to] of current) {
    const ongoing = inProgress.find(tokens, from, to)
    if (ongoing) return `harm in progress ("${ongoing}")`
    const harm = danger.find(tokens, from, to)
    if (!harm) continue
    if (anyStrong) return `"${harm}" happening now`
    const now = weakNow.find(tokens, from, to)
    if (now) return `"${harm}" with "${now}"`
  }
  return undefined
}
