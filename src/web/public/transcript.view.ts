import type { FeedItem } from '../../app/feed.ts'
import type { PublicChatView } from '../../app/views.ts'
import { clockTime, plural } from '../format.ts'
import { html, type SafeHtml } from '../html.ts'
import { feedItem, splitFeed } from './feed.view.ts'

const HOUR = 3_600_000
const AFTER = 1000

/** Answers grouped by the hour of the chat in which they were published, in order. */
export function groupByHour(v: PublicChatView, answered: FeedItem[]) {
  const start = new Date(v.chat.startsAt).getTime()
  const groups = new Map<number, FeedItem[]>()
  for (const item of [...answered].sort((a, b) =>
    (a.answer?.publishedAt ?? '').localeCompare(b.answer?.publishedAt ?? ''),
  )) {
    const at = new Date(item.answer?.publishedAt ?? v.chat.startsAt).getTime()
    const end = new Date(v.chat.endsAt).getTime()
    const h = at > end ? AFTER : Math.max(-1, Math.floor((at - start) / HOUR))
    groups.set(h, [...(groups.get(h) ?? []), item])
  }
  return [...groups].sort(([a], [b]) => a - b)
}

/** The closed chat: counts, then every answered question with its answer, hour by hour. */
export function transcript(v: PublicChatView): SafeHtml {
  const { chat, org } = v
  const ctx = { chat, org, interactive: false }
  const { answered, waiting } = splitFeed(v.items)
  const start = new Date(chat.startsAt).getTime()
  const groups = groupByHour(v, answered)
  const label = (h: number) => {
    if (h < 0) return 'Answered before the chat'
    if (h === AFTER) return 'Answered after the chat'
    const from = new Date(start + h * HOUR).toISOString()
    const to = new Date(
      Math.min(start + (h + 1) * HOUR, new Date(chat.endsAt).getTime()),
    ).toISOString()
    return `${clockTime(from, org.timeZone)} to ${clockTime(to, org.timeZone)}`
  }
  return html`<h2>The chat in numbers</h2>
<ul class="stat-row">
  <li class="stat"><span class="n">${v.received.toLocaleString('en-GB')}</span> questions received</li>
  <li class="stat"><span class="n">${v.answered.toLocaleString('en-GB')}</span> answered</li>
  <li class="stat"><span class="n">${v.experts.length || '–'}</span> ${v.experts.length === 1 ? 'expert' : 'experts'}</li>
</ul>
<p class="muted">Every question is read by a moderator. Questions with personal details, emergencies and reports of crime are dealt with privately and are not shown.</p>
<h2>Transcript</h2>
${
  groups.length === 0
    ? html`<p class="empty">No answers were published in this chat.</p>`
    : html`<nav aria-label="Transcript sections"><ul class="toc">${groups.map(
        ([h, items]) =>
          html`<li><a href="#hour-${h + 1}">${label(h)}</a> (${plural(items.length, 'answer')})</li>`,
      )}</ul></nav>
${groups.map(
  ([h, items]) => html`<section aria-labelledby="hour-${h + 1}">
  <h3 id="hour-${h + 1}">${label(h)}</h3>
  <ol class="feed">${items.map((i) => feedItem(i, ctx))}</ol>
</section>`,
)}`
}
${
  waiting.length
    ? html`<h2>Questions we did not reach</h2><ol class="feed">${waiting.map((i) => feedItem(i, ctx))}</ol>`
    : ''
}`
}
