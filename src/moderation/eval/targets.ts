import type { EvalReport } from './evaluate.ts'

export interface Target {
  min?: number
  max?: number
}

/** The targets, keyed by the JSON path of the figure. */
export const TARGETS: Record<string, Target> = {
  'emergency.precision': { min: 0.8 },
  'emergency.recall': { min: 0.95 },
  'crime_report.precision': { min: 0.75 },
  'crime_report.recall': { min: 0.85 },
  'abuse.precision': { min: 0.85 },
  'abuse.recall': { min: 0.9 },
  'spam.precision': { min: 0.85 },
  'spam.recall': { min: 0.9 },
  'thanks.f1': { min: 0.85 },
  'pii.recall': { min: 0.95 },
  'pii.cleanMasked': { max: 0.02 },
  'duplicates.precision': { min: 0.85 },
  'duplicates.recall': { min: 0.8 },
  msPerMessage: { max: 1 },
}

/** The report's figures keyed like TARGETS ("emergency.recall", "pii.cleanMasked"…). */
export function figures(report: EvalReport): Record<string, number> {
  const flat: Record<string, number> = { msPerMessage: report.msPerMessage }
  for (const [kind, pr] of Object.entries(report.kinds)) {
    flat[`${kind}.precision`] = pr.precision
    flat[`${kind}.recall`] = pr.recall
  }
  flat['thanks.f1'] = report.thanks.f1
  flat['pii.recall'] = report.pii.recall
  flat['pii.cleanMasked'] = report.pii.cleanMasked
  flat['duplicates.precision'] = report.duplicates.precision
  flat['duplicates.recall'] = report.duplicates.recall
  return flat
}

function figure(report: EvalReport, key: string): number {
  return figures(report)[key] ?? Number.NaN
}

/** Names of targets the report misses. */
export function missedTargets(report: EvalReport): string[] {
  return Object.entries(TARGETS).flatMap(([key, t]) => {
    const v = figure(report, key)
    const ok = t.min !== undefined ? v >= t.min : v <= (t.max ?? Number.POSITIVE_INFINITY)
    return ok ? [] : [`${key}=${v}`]
  })
}
