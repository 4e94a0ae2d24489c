import { dateTime } from './html.ts'
import type { Report } from './report.types.ts'
import { duration, percent, plural } from './stats.ts'

/** Escapes Markdown syntax in text written by someone else, and keeps it on one line. */
export const mdText = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^([#+\->]|\d+\.)/, '\\$1')

const quote = (s: string) => `> ${mdText(s)}`

/**
 * [R5] A first draft of the blog write-up: what was asked, what was answered, the figures, what
 * people said. Public words only (published questions and answers); the comms lead edits it.
 */
export function reportMarkdown(r: Report): string {
  const q = r.questions
  const tz = r.chat.timeZone
  const answered = r.rows
    .filter((row) => row.answer && row.state === 'answered')
    .sort((a, b) => b.votes - a.votes || a.receivedAt.localeCompare(b.receivedAt))
    .slice(0, 5)
  const out = [
    `# ${mdText(r.chat.title)}: what you asked, and what we answered`,
    '',
    `On ${dateTime(r.chat.startsAt, tz)}, ${mdText(r.chat.organisation)} held an ask-the-expert chat on ${mdText(
      r.chat.theme,
    )} (${r.chat.hashtag}). ${q.received} questions came in from ${q.uniqueAskers} people; we answered ${q.answered}${
      q.answeredViaMerge ? ` (and ${q.answeredViaMerge} more that asked the same thing)` : ''
    }.`,
    '',
    '## What you asked',
    '',
    ...(r.themes.groups.length
      ? r.themes.groups.map((t) => `- ${mdText(t.label)} (${t.size} questions like this)`)
      : ['- _Add the main themes here._']),
    '',
    '## What we answered',
    '',
    ...answered.flatMap((row) => [
      quote(row.publicText),
      '',
      `${mdText(row.answer ?? '')}${row.answeredBy ? ` (${mdText(row.answeredBy)})` : ''}`,
      '',
    ]),
    '## In numbers',
    '',
    `- ${q.received} questions (${q.receivedBefore} before the chat, ${q.receivedDuring} during it)`,
    `- ${q.answered} answered; answer rate ${percent(q.answerRate)}`,
    `- Median wait for an answer: ${duration(r.timeToAnswer.medianSeconds)}`,
    `- ${q.redirected === 1 ? '1 person was' : `${q.redirected} people were`} pointed to 999 or 101 privately`,
    `- ${r.reactions.upvotes} upvotes and ${r.reactions.thanks} thanks`,
    ...(r.audience.peakViewers !== null
      ? [`- Up to ${r.audience.peakViewers} people watching at once`]
      : []),
    '',
    '## What people said',
    '',
    ...(r.saidThanks.length
      ? r.saidThanks.slice(0, 5).map(quote)
      : ['_Add a comment or two here._']),
    '',
    ...(r.followUp.length
      ? [
          `We did not get to ${plural(r.followUp.length, 'question')} during the chat; we will follow them up.`,
          '',
        ]
      : []),
  ]
  return `${out.join('\n')}\n`
}
