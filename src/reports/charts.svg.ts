import { SOURCES } from '../domain/types.ts'
import { clock, esc, table } from './html.ts'
import type { Report } from './report.types.ts'

/** A chart as an SVG image with a title and description, and the same numbers as a table. */
export interface Chart {
  svg: string
  table: string
}

const COLOURS = { questions: '#1d4f91', answers: '#e0822b', bar: '#1d4f91' }
const FONT = 'font-family="system-ui, sans-serif" font-size="11" fill="#222"'

const frame = (id: string, title: string, desc: string, w: number, h: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d">` +
  `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body}</svg>`

/** Horizontal bars, one per category, labelled with their values. */
function hbars(id: string, title: string, desc: string, items: Array<[string, number]>): string {
  const w = 560
  const label = 120
  const row = 24
  const h = items.length * row + 10
  const max = Math.max(1, ...items.map(([, v]) => v))
  const bars = items
    .map(([name, v], i) => {
      const y = 5 + i * row
      const len = Math.round(((w - label - 50) * v) / max)
      return (
        `<text x="${label - 6}" y="${y + 15}" text-anchor="end" ${FONT}>${esc(name)}</text>` +
        `<rect x="${label}" y="${y + 3}" width="${len}" height="${row - 8}" fill="${COLOURS.bar}"/>` +
        `<text x="${label + len + 4}" y="${y + 15}" ${FONT}>${v}</text>`
      )
    })
    .join('')
  return frame(id, title, desc, w, h, bars)
}

/** [R3] Questions and answers per 5 minutes across the chat, as grouped bars. */
export function activityChart(r: Report): Chart {
  const s = r.activity.series
  const tz = r.chat.timeZone
  const w = 640
  const h = 220
  const left = 32
  const bottom = 40
  const slot = (w - left - 10) / Math.max(1, s.length)
  const max = Math.max(1, ...s.flatMap((b) => [b.questions, b.answers]))
  const y = (v: number) => Math.round((h - bottom - 20) * (v / max))
  const every = Math.max(1, Math.ceil(s.length / 12))
  const bars = s
    .map((b, i) => {
      const x = left + i * slot
      const bw = Math.max(1, slot / 2 - 1)
      const tick =
        i % every === 0
          ? `<text x="${(x + slot / 2).toFixed(1)}" y="${h - bottom + 14}" text-anchor="middle" ${FONT}>${esc(clock(b.start, tz))}</text>`
          : ''
      return (
        `<rect x="${x.toFixed(1)}" y="${h - bottom - y(b.questions)}" width="${bw.toFixed(1)}" height="${y(b.questions)}" fill="${COLOURS.questions}"/>` +
        `<rect x="${(x + bw).toFixed(1)}" y="${h - bottom - y(b.answers)}" width="${bw.toFixed(1)}" height="${y(b.answers)}" fill="${COLOURS.answers}"/>${tick}`
      )
    })
    .join('')
  const axis =
    `<line x1="${left}" y1="${h - bottom}" x2="${w - 10}" y2="${h - bottom}" stroke="#555"/>` +
    `<text x="${left - 4}" y="24" text-anchor="end" ${FONT}>${max}</text>` +
    `<text x="${left - 4}" y="${h - bottom}" text-anchor="end" ${FONT}>0</text>` +
    `<rect x="${left}" y="${h - 16}" width="10" height="10" fill="${COLOURS.questions}"/><text x="${left + 14}" y="${h - 7}" ${FONT}>Questions received</text>` +
    `<rect x="${left + 150}" y="${h - 16}" width="10" height="10" fill="${COLOURS.answers}"/><text x="${left + 164}" y="${h - 7}" ${FONT}>Answers published</text>`
  const total = (k: 'questions' | 'answers') => s.reduce((n, b) => n + b[k], 0)
  const desc = `${total('questions')} questions and ${total('answers')} answers in ${s.length} five-minute periods; the full numbers are in the table below.`
  return {
    svg: frame('activity', 'Activity per 5 minutes', desc, w, h, axis + bars),
    table: table(
      'Activity per 5 minutes',
      ['Period starting', 'Questions', 'Answers'],
      s.map((b) => [esc(clock(b.start, tz)), String(b.questions), String(b.answers)]),
      'long',
    ),
  }
}

/** [R3] How long askers waited for an answer, in bands. */
export function answerTimesChart(r: Report): Chart {
  const items = r.timeToAnswer.distribution.map((d) => [d.label, d.count] as [string, number])
  return {
    svg: hbars(
      'answer-times',
      'Time from question to published answer',
      `${r.timeToAnswer.count} answered questions, by how long the asker waited.`,
      items,
    ),
    table: table(
      'Time from question to published answer',
      ['Wait', 'Questions'],
      items.map(([k, v]) => [esc(k), String(v)]),
    ),
  }
}

/** [R3] Where questions came from. */
export function sourcesChart(r: Report): Chart {
  const items = SOURCES.map((s) => [s, r.questions.bySource[s]] as [string, number])
  return {
    svg: hbars(
      'sources',
      'Questions by source',
      `${r.questions.received} questions, by where they were asked.`,
      items,
    ),
    table: table(
      'Questions by source',
      ['Source', 'Questions'],
      items.map(([k, v]) => [esc(k), String(v)]),
    ),
  }
}
