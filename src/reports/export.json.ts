import type { Report } from './report.types.ts'

/** The report as JSON: every figure, the rows, the comparison; `JSON.parse` gives it back. */
export const reportJson = (r: Report) => `${JSON.stringify(r, null, 2)}\n`
