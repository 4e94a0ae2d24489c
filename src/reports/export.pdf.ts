import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import type PDFKit from 'pdfkit'
import { comparisonTable } from './compare.ts'
import { keyFigures } from './figures.ts'
import { clock, dateTime } from './html.ts'
import type { Report } from './report.types.ts'
import { duration, plural } from './stats.ts'

type Doc = InstanceType<typeof PDFKit>

const require = createRequire(import.meta.url)

/** DejaVu covers Welsh, accents and symbols; without it the built-in Helvetica still works. */
function fonts(): { regular: string; bold: string } {
  try {
    const regular = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
    const bold = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
    if (existsSync(regular) && existsSync(bold)) return { regular, bold }
  } catch {
    // not installed: fall through
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold' }
}

const MARGIN = 50

function heading(doc: Doc, f: { bold: string; regular: string }, text: string): void {
  if (doc.y > doc.page.height - 150) doc.addPage()
  doc.moveDown(0.8).font(f.bold).fontSize(13).text(text, MARGIN).font(f.regular).fontSize(10)
  doc.moveDown(0.3)
}

/** Rows of label and right-aligned values, starting a new page when needed. */
function rows(doc: Doc, items: string[][], widths: number[]): void {
  for (const r of items) {
    if (doc.y > doc.page.height - MARGIN - 20) doc.addPage()
    const y = doc.y
    let x = MARGIN
    let bottom = y
    r.forEach((cell, i) => {
      const width = widths[i] ?? 80
      doc.text(cell, x, y, { width, align: i === 0 ? 'left' : 'right' })
      bottom = Math.max(bottom, doc.y)
      x += width + 8
    })
    doc.x = MARGIN
    doc.y = bottom + 2
  }
}

function activityBars(doc: Doc, r: Report): void {
  const s = r.activity.series
  const w = doc.page.width - 2 * MARGIN
  const h = 100
  if (doc.y > doc.page.height - h - 80) doc.addPage()
  const top = doc.y
  const max = Math.max(1, ...s.flatMap((b) => [b.questions, b.answers]))
  const slot = w / Math.max(1, s.length)
  s.forEach((b, i) => {
    const x = MARGIN + i * slot
    const bw = Math.max(0.5, slot / 2 - 0.5)
    doc.rect(x, top + h - (h * b.questions) / max, bw, (h * b.questions) / max).fill('#1d4f91')
    doc.rect(x + bw, top + h - (h * b.answers) / max, bw, (h * b.answers) / max).fill('#e0822b')
  })
  doc
    .fillColor('#222')
    .moveTo(MARGIN, top + h)
    .lineTo(MARGIN + w, top + h)
    .stroke('#555')
  const first = s[0]
  const last = s.at(-1)
  doc.fontSize(8)
  if (first) doc.text(clock(first.start, r.chat.timeZone), MARGIN, top + h + 3)
  if (last)
    doc.text(clock(last.start, r.chat.timeZone), MARGIN, top + h + 3, { width: w, align: 'right' })
  doc
    .text(`Questions (blue) and answers (orange) per 5 minutes; peak ${max}.`, MARGIN, top + h + 14)
    .fontSize(10)
  doc.x = MARGIN
}

function body(doc: Doc, r: Report, f: { bold: string; regular: string }): void {
  const tz = r.chat.timeZone
  const status =
    r.status === 'final' ? 'Final report' : `Live report as of ${dateTime(r.generatedAt, tz)}`
  doc.font(f.bold).fontSize(18).text(`${r.chat.title} ${r.chat.hashtag}`)
  doc
    .font(f.regular)
    .fontSize(10)
    .text(
      `${status}. ${r.chat.organisation}, ${dateTime(r.chat.startsAt, tz)} to ${clock(r.chat.endsAt, tz)}.`,
    )
  heading(doc, f, 'Key figures')
  rows(
    doc,
    keyFigures(r).map((x) => [x.label, x.value]),
    [300, 190],
  )
  heading(doc, f, 'Activity per 5 minutes')
  activityBars(doc, r)
  heading(doc, f, 'Busiest periods')
  rows(
    doc,
    r.busiest.map((b) => [
      clock(b.start, tz),
      plural(b.questions, 'question'),
      plural(b.answers, 'answer'),
    ]),
    [200, 140, 140],
  )
  heading(doc, f, 'Time from question to published answer')
  rows(
    doc,
    r.timeToAnswer.distribution.map((d) => [d.label, String(d.count)]),
    [300, 190],
  )
  heading(doc, f, 'Questions by source')
  rows(
    doc,
    Object.entries(r.questions.bySource).map(([k, v]) => [k, String(v)]),
    [300, 190],
  )
  heading(doc, f, 'Answers by expert')
  rows(
    doc,
    [
      ['Expert', 'Answers', 'Thanks', 'Median wait'],
      ...r.answers.byExpert.map((e) => [
        e.name,
        String(e.answers),
        String(e.thanks),
        duration(e.medianSeconds),
      ]),
    ],
    [200, 80, 80, 120],
  )
  heading(doc, f, 'Declined, by reason')
  rows(
    doc,
    r.questions.rejectedByReason.map((x) => [x.reason, String(x.count)]),
    [300, 190],
  )
  heading(doc, f, 'Most asked themes')
  for (const t of r.themes.groups)
    doc.text(`• ${t.label} (${t.size} questions, ${t.answered} answered)`, MARGIN)
  if (r.themes.terms.length)
    doc.text(
      `Frequent terms: ${r.themes.terms.map((t) => `${t.term} (${t.count})`).join(', ')}`,
      MARGIN,
    )
  heading(doc, f, 'Follow-up: questions not answered')
  if (!r.followUp.length) doc.text('Every question was answered.', MARGIN)
  for (const q of r.followUp) doc.text(`• ${q.publicText} (${q.state}, ${q.votes} upvotes)`, MARGIN)
  if (r.comparison.length > 1) {
    heading(doc, f, 'Compared with earlier chats')
    const cols = r.comparison.length
    const width = Math.floor((doc.page.width - 2 * MARGIN - 160) / cols) - 8
    rows(
      doc,
      [
        ['', ...r.comparison.map((c) => c.title)],
        ...comparisonTable(r.comparison).map((row) => [row.label, ...row.shown]),
      ],
      [160, ...Array(cols).fill(width)],
    )
  }
}

/** [R6] The report as a PDF, with its figures as real text (searchable, readable by pdftotext). */
export async function reportPdf(r: Report): Promise<Buffer> {
  // pdfkit costs ~20 MiB of memory: load it when someone first asks for a PDF, not at start-up.
  const { default: PDFDocument } = await import('pdfkit')
  const f = fonts()
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${r.chat.title}: chat report`, Author: r.chat.organisation },
    lang: 'en-GB',
  })
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    body(doc, r, f)
    doc.end()
  })
}
