import type { EvalDetail } from './evaluate.ts'
import { TARGETS, type Target } from './targets.ts'

const pct = (x: number) => x.toFixed(3)

function mark(value: number, target: Target | undefined): string {
  if (!target) return ''
  const ok = target.min !== undefined ? value >= target.min : value <= (target.max ?? 1)
  return `${ok ? 'ok ' : 'MISS'} (${target.min !== undefined ? '≥' : '≤'} ${target.min ?? target.max})`
}

/** A plain-text table of the evaluation, with each figure checked against the target. */
export function formatReport(detail: EvalDetail): string {
  const { report, counts } = detail
  const rows: string[][] = [['metric', 'value', 'target']]
  for (const [kind, pr] of Object.entries(report.kinds)) {
    rows.push([
      `${kind} precision`,
      pct(pr.precision),
      mark(pr.precision, TARGETS[`${kind}.precision`]),
    ])
    rows.push([`${kind} recall`, pct(pr.recall), mark(pr.recall, TARGETS[`${kind}.recall`])])
  }
  rows.push(['thanks (flag) precision', pct(report.thanks.precision), ''])
  rows.push(['thanks (flag) recall', pct(report.thanks.recall), ''])
  rows.push([
    'thanks (flag) F1',
    pct(report.thanks.f1),
    mark(report.thanks.f1, TARGETS['thanks.f1']),
  ])
  rows.push(['PII recall', pct(report.pii.recall), mark(report.pii.recall, TARGETS['pii.recall'])])
  rows.push([
    'clean messages masked',
    pct(report.pii.cleanMasked),
    mark(report.pii.cleanMasked, TARGETS['pii.cleanMasked']),
  ])
  rows.push([
    'duplicate pairs precision',
    pct(report.duplicates.precision),
    mark(report.duplicates.precision, TARGETS['duplicates.precision']),
  ])
  rows.push([
    'duplicate pairs recall',
    pct(report.duplicates.recall),
    mark(report.duplicates.recall, TARGETS['duplicates.recall']),
  ])
  rows.push([
    'ms per message',
    report.msPerMessage.toFixed(4),
    mark(report.msPerMessage, TARGETS.msPerMessage),
  ])
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  const lines = rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd(),
  )
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '))
  const types = Object.entries(detail.piiRecallByType)
    .map(([type, v]) => `${type} ${v.found}/${v.total}`)
    .join(', ')
  lines.push(
    '',
    `${counts.messages} messages, ${counts.piiSpans} PII spans (${types}), ${counts.clean} without PII`,
    `${counts.truePairs} labelled duplicate pairs, ${counts.predictedPairs} predicted`,
  )
  return lines.join('\n')
}
