import { detectAbuse } from './abuse.ts'
import { detectCrimeReport } from './crime-report.ts'
import { detectEmergency } from './emergency.ts'
import { KindModel, type KindScore, MODEL_KINDS } from './model/classifier.ts'
import { extractFeatures, type RuleVerdicts } from './model/features.ts'
import { KIND_MODEL } from './model/weights.ts'
import { applyMasks, findPii } from './pii/pii.ts'
import { type Prepared, prepare } from './prepared.ts'
import { isOffTopic, isQuestion } from './question.ts'
import { detectSpam } from './spam.ts'
import { detectThanks } from './thanks.ts'
import type { AnalyseContext, Analysis, Flag, MessageKind } from './types.ts'

const DEFAULT_MODEL = new KindModel(KIND_MODEL)

/** Runs every rule detector once. */
export function ruleVerdicts(text: string): { prepared: Prepared; verdicts: RuleVerdicts } {
  const masks = findPii(text)
  const prepared = prepare(text)
  // Abuse is found first because an abusive rant needs more than a weak sign to be an emergency.
  const abuse = detectAbuse(prepared)
  const verdicts: RuleVerdicts = {
    abuse,
    emergency: detectEmergency(prepared, { abusive: abuse !== undefined }),
    spam: detectSpam(prepared, masks),
    crime: detectCrimeReport(prepared, masks),
    question: isQuestion(prepared),
    thanks: detectThanks(text, prepared.tokens),
    masks,
  }
  return { prepared, verdicts }
}

const RULE_OF: Record<Flag['kind'], keyof RuleVerdicts> = {
  emergency: 'emergency',
  spam: 'spam',
  crime_report: 'crime',
  abuse: 'abuse',
}

/**
 * How the rules and the model are combined, per flagged kind: a rule's flag stands unless the
 * model gives the kind less than `veto`; without a rule, the model flags a kind at or above its
 * own threshold, and the reason names the features that drove it.
 */
export function combineFlags(verdicts: RuleVerdicts, scores: readonly KindScore[] | undefined) {
  const flags: Flag[] = []
  // Flags follow the precedence order emergency → spam → crime_report → abuse.
  for (const kind of MODEL_KINDS) {
    const rule = verdicts[RULE_OF[kind]] as string | undefined
    const score = scores?.find((s) => s.kind === kind)
    if (rule && !score?.vetoed) flags.push({ kind, reason: rule })
    else if (!rule && score?.flagged) {
      const p = score.probability.toFixed(2)
      flags.push({ kind, reason: `model ${p}: ${score.drivers.join(', ')}` })
    }
  }
  return flags
}

/** The kind of a message no detector flagged: question, off_topic, thanks or comment. */
export function unflaggedKind(
  prepared: Prepared,
  verdicts: RuleVerdicts,
  context: AnalyseContext,
): MessageKind {
  if (verdicts.question)
    return isOffTopic(prepared, context.theme, context.hashtag) ? 'off_topic' : 'question'
  return verdicts.thanks ? 'thanks' : 'comment'
}

/**
 * Analyses one message with a given kind model (or rules alone when `model` is undefined). Used
 * by `analyse` and by the cross-validation script, which trains one model per held-out chat.
 */
export function analyseWith(
  text: string,
  context: AnalyseContext,
  model: KindModel | undefined,
): Analysis {
  const { prepared, verdicts } = ruleVerdicts(text)
  const scores = model && extractFeatures(prepared, verdicts, model.scorer()).result()
  const flags = combineFlags(verdicts, scores)
  const kind = flags[0]?.kind ?? unflaggedKind(prepared, verdicts, context)
  return {
    kind,
    flags,
    // The dataset's rule: thanks is only ever set on thanks messages and questions.
    thanks: verdicts.thanks && (kind === 'thanks' || kind === 'question' || kind === 'off_topic'),
    masks: verdicts.masks,
    maskedText: applyMasks(text, verdicts.masks),
  }
}

/**
 * Analyses one incoming message: what a moderator must do with it (kind and flags), whether it
 * thanks the team, and which personal data to hide from the public. Pure and synchronous.
 */
export function analyse(text: string, context: AnalyseContext = {}): Analysis {
  return analyseWith(text, context, DEFAULT_MODEL)
}
