import { detectAbuse } from './abuse.ts'
import { detectCrimeReport } from './crime-report.ts'
import { detectEmergency } from './emergency.ts'
import { applyMasks, findPii } from './pii/pii.ts'
import { prepare } from './prepared.ts'
import { isOffTopic, isQuestion } from './question.ts'
import { detectSpam } from './spam.ts'
import { detectThanks } from './thanks.ts'
import type { AnalyseContext, Analysis, Flag, MessageKind } from './types.ts'

/**
 * Analyses one incoming message: what a moderator must do with it (kind and flags), whether it
 * thanks the team, and which personal data to hide from the public. Pure and synchronous.
 */
export function analyse(text: string, context: AnalyseContext = {}): Analysis {
  const masks = findPii(text)
  const prepared = prepare(text)
  const flags: Flag[] = []
  // Abuse is found first because an abusive rant needs more than a weak sign to be an emergency;
  // flags still follow the precedence order.
  const abuse = detectAbuse(prepared)
  const emergency = detectEmergency(prepared, { abusive: abuse !== undefined })
  if (emergency) flags.push({ kind: 'emergency', reason: emergency })
  const spam = detectSpam(prepared, masks)
  if (spam) flags.push({ kind: 'spam', reason: spam })
  const crime = detectCrimeReport(prepared, masks)
  if (crime) flags.push({ kind: 'crime_report', reason: crime })
  if (abuse) flags.push({ kind: 'abuse', reason: abuse })
  const question = isQuestion(prepared)
  const thanks = detectThanks(text)
  let kind: MessageKind = flags[0]?.kind ?? 'comment'
  if (flags.length === 0) {
    if (question)
      kind = isOffTopic(prepared, context.theme, context.hashtag) ? 'off_topic' : 'question'
    else if (thanks) kind = 'thanks'
  }
  return {
    kind,
    flags,
    // The dataset's rule: thanks is only ever set on thanks messages and questions.
    thanks: thanks && (kind === 'thanks' || kind === 'question' || kind === 'off_topic'),
    masks,
    maskedText: applyMasks(text, masks),
  }
}
