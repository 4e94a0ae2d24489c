import { reportCsv } from './export.csv.ts'
import { reportHtml } from './export.html.ts'
import { reportJson } from './export.json.ts'
import { reportMarkdown } from './export.md.ts'
import { reportPdf } from './export.pdf.ts'
import type { Report } from './report.types.ts'

export const FORMATS = ['html', 'pdf', 'csv', 'json', 'md'] as const
export type Format = (typeof FORMATS)[number]

export interface ReportFile {
  filename: string
  contentType: string
  body: string | Buffer
}

const TYPES: Record<Format, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
}

/** Renders a report in one export format, named after the chat. */
export async function renderReport(r: Report, format: Format): Promise<ReportFile> {
  const body = await (async () => {
    switch (format) {
      case 'html':
        return reportHtml(r)
      case 'pdf':
        return reportPdf(r)
      case 'csv':
        return reportCsv(r)
      case 'json':
        return reportJson(r)
      case 'md':
        return reportMarkdown(r)
    }
  })()
  const suffix = format === 'csv' ? 'questions' : format === 'md' ? 'write-up' : 'report'
  return { filename: `${r.chat.slug}-${suffix}.${format}`, contentType: TYPES[format], body }
}
