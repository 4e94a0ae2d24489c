import type { QaRow, Report } from './report.types.ts'

// A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r'])

/**
 * [R4] Makes a cell safe to open in a spreadsheet: a cell starting with = + - @ tab or CR gets a
 * leading apostrophe, and so does one already starting with an apostrophe, so `unescapeCell` can
 * always undo it.
 */
export function escapeCell(value: string): string {
  const first = value.charAt(0)
  return TRIGGERS.has(first) || first === "'" ? `'${value}` : value
}

/** Undoes `escapeCell`. */
export const unescapeCell = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell)

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)

/** RFC 4180 CSV with CRLF line ends and a byte-order mark (so Excel reads UTF-8), cells escaped. */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return `\uFEFF${rows.map((r) => r.map((c) => quote(escapeCell(c))).join(',')).join('\r\n')}\r\n`
}

/** Reads CSV written by `toCsv` (or any RFC 4180 CSV) back into rows, unescaping cells unless told not to. */
export function parseCsv(text: string, unescapeCells = true): string[][] {
  const done = unescapeCells ? unescapeCell : (c: string) => c
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(done(cell))
      cell = ''
    } else if (c === '\r' && src[i + 1] === '\n') {
      row.push(done(cell))
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  if (cell !== '' || row.length > 0) rows.push([...row, done(cell)])
  return rows
}

export const CSV_COLUMNS: Array<[keyof QaRow, string]> = [
  ['questionId', 'question_id'],
  ['receivedAt', 'received_at'],
  ['source', 'source'],
  ['state', 'state'],
  ['kind', 'kind'],
  ['votes', 'votes'],
  ['publicText', 'question'],
  ['rejectReason', 'reject_reason'],
  ['mergedInto', 'merged_into'],
  ['answerId', 'answer_id'],
  ['answerKind', 'answer_kind'],
  ['answeredBy', 'answered_by'],
  ['answerPublishedAt', 'answer_published_at'],
  ['secondsToAnswer', 'seconds_to_answer'],
  ['answer', 'answer'],
  ['answerThanks', 'answer_thanks'],
  ['answerViews', 'answer_views'],
]

/** A report's rows as cells: nulls are empty, numbers in plain digits. */
export const csvRows = (report: Report): string[][] => [
  CSV_COLUMNS.map(([, header]) => header),
  ...report.rows.map((r) => CSV_COLUMNS.map(([key]) => (r[key] === null ? '' : String(r[key])))),
]

/** Questions and answers as CSV (public text only: the askers' own words never leave Askhour). */
export const reportCsv = (report: Report) => toCsv(csvRows(report))
