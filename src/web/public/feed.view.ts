import type { FeedItem } from '../../app/feed.ts'
import type { PublicAnswer, PublicQuestion } from '../../domain/events.ts'
import type { Chat, Organisation } from '../../domain/types.ts'
import { clockTime, plural, shortDateTime } from '../format.ts'
import { html, paragraphs, type SafeHtml } from '../html.ts'

const SOURCE: Record<string, string> = {
  web: '',
  bluesky: ' via Bluesky',
  mastodon: ' via Mastodon',
  x: ' via X',
  import: '',
}

export interface FeedContext {
  chat: Chat
  org: Organisation
  /** Visitors may upvote and thank (not on closed transcripts or staff previews). */
  interactive: boolean
}

function when(iso: string, ctx: FeedContext): string {
  return ctx.chat.state === 'closed'
    ? shortDateTime(iso, ctx.org.timeZone)
    : clockTime(iso, ctx.org.timeZone)
}

function upvote(q: PublicQuestion, ctx: FeedContext): SafeHtml {
  const count = html`<span data-votes="${q.id}">${plural(q.votes, 'upvote')}</span>`
  if (!ctx.interactive) return html`<div class="reactions">${count}</div>`
  return html`<div class="reactions">
  <form method="post" action="/chats/${ctx.chat.slug}/questions/${q.id}/upvote" data-react="vote" data-id="${q.id}">
    <button class="quiet small" type="submit">Upvote<span class="visually-hidden"> this question</span></button>
  </form>
  ${count}
</div>`
}

export function answerBlock(a: PublicAnswer, ctx: FeedContext): SafeHtml {
  const edited = a.updatedAt > a.publishedAt ? ' (corrected)' : ''
  return html`<div class="answer" data-answer="${a.id}">
  <p class="by">${a.authorName} <span class="muted">answered at ${when(a.publishedAt, ctx)}${edited}</span></p>
  <div class="body">${paragraphs(a.body)}</div>
</div>
<div class="reactions">
  <a href="/answers/${a.id}">Permanent link<span class="visually-hidden"> to this answer</span></a>
  ${
    ctx.interactive
      ? html`<form method="post" action="/chats/${ctx.chat.slug}/answers/${a.id}/thank" data-react="thank" data-id="${a.id}">
    <button class="quiet small" type="submit">Say thanks<span class="visually-hidden"> for this answer</span></button>
  </form>`
      : ''
  }
  <span data-thanks="${a.id}">${plural(a.thanks, 'thank', 'thanks')}</span>
</div>`
}

/** One question on the feed, with its answer when published. */
export function feedItem(item: FeedItem, ctx: FeedContext, level: 'h3' | 'p' = 'p'): SafeHtml {
  const q = item.question
  const text =
    level === 'h3'
      ? html`<h3 class="q">${q.publicText}</h3>`
      : html`<p class="q">${q.publicText}</p>`
  return html`<li class="item" id="q-${q.id}" data-question="${q.id}">
  ${text}
  <p class="meta">Asked at ${when(q.receivedAt, ctx)}${SOURCE[q.source] ?? ''}${item.answer ? html` · <span data-votes="${q.id}">${plural(q.votes, 'upvote')}</span>` : ''}</p>
  ${item.answer ? answerBlock(item.answer, ctx) : upvote(q, ctx)}
</li>`
}

/** Answered first by newest answer; waiting questions by votes then age. */
export function splitFeed(items: FeedItem[]) {
  const answered = items
    .filter((i) => i.answer)
    .sort((a, b) => (b.answer?.publishedAt ?? '').localeCompare(a.answer?.publishedAt ?? ''))
  const waiting = items
    .filter((i) => !i.answer)
    .sort(
      (a, b) =>
        b.question.votes - a.question.votes ||
        a.question.receivedAt.localeCompare(b.question.receivedAt),
    )
  return { answered, waiting }
}

/**
 * The live feed: a log of answers (newest first) and the questions waiting for one. live.js keeps
 * it current from the SSE stream; without JavaScript it is correct as of the page load.
 */
export function liveFeed(
  items: FeedItem[],
  seq: number,
  ctx: FeedContext,
  compact = false,
): SafeHtml {
  const { answered, waiting } = splitFeed(items)
  const shown = compact ? answered.slice(0, 10) : answered
  return html`<div class="live" data-live data-chat="${ctx.chat.slug}" data-seq="${seq}" data-tz="${ctx.org.timeZone}" data-state="${ctx.chat.state}" data-interactive="${ctx.interactive ? '1' : ''}"${compact ? html` data-compact="1"` : ''}>
  <div class="feed-bar" data-feed-bar hidden>
    <span class="status" data-status>Live: new answers appear here automatically.</span>
    <button type="button" class="secondary small" data-show-new hidden>Show new</button>
    <button type="button" class="secondary small" data-pause aria-pressed="false">Pause updates</button>
  </div>
  <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announce></div>
  <h2 id="answers-h">Answers${compact ? '' : html` <span class="muted small">(newest first)</span>`}</h2>
  <div role="log" aria-live="off" aria-labelledby="answers-h">
    <ol class="feed" data-answers>
      ${shown.map((i) => feedItem(i, ctx))}
    </ol>
  </div>
  <p class="empty" data-answers-empty${answered.length ? html` hidden` : ''}>No answers yet. They will appear here as the experts publish them.</p>
  ${
    compact
      ? ''
      : html`<h2 id="waiting-h">Questions waiting for an answer</h2>
  <p class="muted small">Upvote the questions you most want answered.</p>
  <ol class="feed" aria-labelledby="waiting-h" data-waiting>
    ${waiting.map((i) => feedItem(i, ctx))}
  </ol>
  <p class="empty" data-waiting-empty${waiting.length ? html` hidden` : ''}>No questions are waiting right now.</p>`
  }
</div>`
}
