import { createRequire } from 'node:module'
import { Resvg } from '@resvg/resvg-js'
import { brandTheme } from '../colour.ts'
import { escapeHtml } from '../html.ts'
import type { AnswerView } from './answer.page.ts'

const require = createRequire(import.meta.url)
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${f}`),
)

/** Greedy word wrap by an estimate of DejaVu Sans glyph widths; the last line gets an ellipsis. */
export function wrap(
  text: string,
  fontSize: number,
  width: number,
  maxLines: number,
  bold = false,
) {
  const perChar = fontSize * (bold ? 0.64 : 0.58)
  const max = Math.max(8, Math.floor(width / perChar))
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  const lines: string[] = []
  let line = ''
  for (const w of words) {
    const word = w.length > max ? `${w.slice(0, max - 1)}…` : w
    if ((line ? `${line} ${word}` : word).length <= max) line = line ? `${line} ${word}` : word
    else {
      lines.push(line)
      line = word
    }
    if (lines.length === maxLines) break
  }
  if (lines.length < maxLines && line) lines.push(line)
  const used = lines.join(' ').length
  if (used < text.replace(/\s+/g, ' ').trim().length) {
    const last = lines[lines.length - 1] ?? ''
    lines[lines.length - 1] = `${last.slice(0, max - 1).trimEnd()}…`
  }
  return lines
}

const tspans = (lines: string[], x: number, lineHeight: number) =>
  lines
    .map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : lineHeight}">${escapeHtml(l)}</tspan>`)
    .join('')

/** The 1200×630 picture networks show with a shared answer: question, answer, who, hashtag. */
export function shareSvg(v: AnswerView): string {
  const t = brandTheme(v.org.brandColour)
  const q = wrap(v.question.publicText, 46, 1080, 4, true)
  const a = wrap(v.answer.body, 30, 1040, Math.max(2, 7 - q.length), false)
  const qTop = 190
  const aTop = qTop + q.length * 58 + 50
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#ffffff"/>
  <rect width="1200" height="110" fill="${t.band}"/>
  <text x="60" y="70" font-family="DejaVu Sans" font-weight="bold" font-size="36" fill="${t.onBand}">${escapeHtml(v.org.name)}</text>
  <text x="1140" y="70" text-anchor="end" font-family="DejaVu Sans" font-size="32" fill="${t.onBand}">${escapeHtml(v.chat.hashtag)}</text>
  <text x="60" y="${qTop}" font-family="DejaVu Sans" font-weight="bold" font-size="46" fill="#0b0c0c">${tspans(q, 60, 58)}</text>
  <rect x="60" y="${aTop - 34}" width="8" height="${a.length * 42 + 8}" fill="${t.accent}"/>
  <text x="90" y="${aTop}" font-family="DejaVu Sans" font-size="30" fill="#0b0c0c">${tspans(a, 90, 42)}</text>
  <rect y="560" width="1200" height="70" fill="#f3f2f1"/>
  <text x="60" y="605" font-family="DejaVu Sans" font-size="28" fill="#0b0c0c">Answered by ${escapeHtml(v.answer.authorName)}</text>
</svg>`
}

const cache = new Map<string, Buffer>()

/** Renders (and remembers, per answer version) the share image as PNG. */
export function sharePng(v: AnswerView): Buffer {
  const key = `${v.answer.id}:${v.answer.updatedAt}:${v.org.brandColour}:${v.org.name}`
  const hit = cache.get(key)
  if (hit) return hit
  const png = new Resvg(shareSvg(v), {
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng()
  if (cache.size > 200) cache.delete(cache.keys().next().value as string)
  cache.set(key, png)
  return png
}
