import type { PublicChatView } from '../../app/views.ts'
import { acceptsQuestions } from '../../domain/chat.ts'
import type { Flash } from '../flash.ts'
import { duration, longDateTime, plural, timeRange } from '../format.ts'
import { html, paragraphs, type SafeHtml } from '../html.ts'
import { emergencyBox } from '../layout/components.ts'
import { page } from '../layout/page.ts'
import { type AskState, askForm } from './ask.view.ts'
import { type FeedContext, feedItem, liveFeed, splitFeed } from './feed.view.ts'
import { chatShareText, sharePanel } from './share.ts'
import { transcript } from './transcript.view.ts'

export type PublicPhase = 'upcoming' | 'live' | 'closed'

/** What a visitor sees: before the start, while live, or after the close. */
export function phaseOf(v: PublicChatView): PublicPhase {
  if (v.chat.state === 'closed') return 'closed'
  return v.chat.state === 'live' ? 'live' : 'upcoming'
}

const STATE_TAG: Record<PublicPhase, SafeHtml> = {
  upcoming: html`<span class="tag soon">Coming up</span>`,
  live: html`<span class="tag live">Live now</span>`,
  closed: html`<span class="tag">Closed</span>`,
}

function facts(v: PublicChatView): SafeHtml {
  const { chat, org } = v
  const tz = org.timeZone
  return html`<dl class="facts">
  <dt>When</dt><dd>${longDateTime(chat.startsAt, tz).replace(/ at .*/, '')}, ${timeRange(chat.startsAt, chat.endsAt, tz)}</dd>
  <dt>Hashtag</dt><dd class="hashtag">${chat.hashtag}</dd>
  ${v.experts.length ? html`<dt>Answering</dt><dd>${v.experts.join(', ')}</dd>` : ''}
</dl>`
}

function upcoming(v: PublicChatView, now: Date, ask: AskState, publicUrl: string): SafeHtml {
  const { chat, org } = v
  const open = acceptsQuestions(chat, now.toISOString())
  const ctx: FeedContext = { chat, org, interactive: true }
  const { waiting } = splitFeed(v.items)
  const url = `${publicUrl}/chats/${chat.slug}`
  return html`<div class="grid two-one">
  <div>
    <p class="countdown" data-countdown="${chat.startsAt}">Starts in ${duration(new Date(chat.startsAt).getTime() - now.getTime())}</p>
    <p><a class="button secondary" href="/chats/${chat.slug}/calendar.ics" download>Add to calendar<span class="visually-hidden"> (.ics file)</span></a></p>
    ${chat.description ? html`<h2>About this chat</h2>${paragraphs(chat.description)}` : ''}
    ${askForm(org, chat, open, ask)}
    ${
      waiting.length
        ? html`<h2 id="waiting-h">Questions so far</h2><ol class="feed" aria-labelledby="waiting-h">${waiting.map((i) => feedItem(i, ctx))}</ol>`
        : ''
    }
  </div>
  <div>
    ${sharePanel({ heading: 'Tell people about it', text: chatShareText(org, chat), url, subject: chat.title, id: 'share' })}
  </div>
</div>`
}

/**
 * The question form and the emergency guidance come first: on a phone the columns stack, and
 * someone who needs to ask (or needs 999) must not scroll past every answer to find them. Wide
 * screens show the feed on the left as before (`.side-first` in site.css).
 */
function live(v: PublicChatView, ask: AskState): SafeHtml {
  const { chat, org } = v
  return html`<div class="grid two-one side-first">
  <div>
    ${askForm(org, chat, true, ask)}
    ${chat.description ? html`<h2>About this chat</h2>${paragraphs(chat.description)}` : ''}
  </div>
  <div>
    ${liveFeed(v.items, v.seq, { chat, org, interactive: true })}
  </div>
</div>`
}

/** The chat page in its current state. */
export function chatPage(
  v: PublicChatView,
  opts: { now: Date; flash: Flash | null; ask?: AskState; publicUrl: string },
): SafeHtml {
  const { chat, org } = v
  const phase = phaseOf(v)
  const ask = opts.ask ?? {}
  const body = html`
<p class="caption"><span class="hashtag">${chat.hashtag}</span> ${STATE_TAG[phase]}</p>
<h1>${chat.title}</h1>
<p class="lead">${chat.theme}</p>
${facts(v)}
${phase === 'closed' ? emergencyBox(org) : ''}
${phase === 'upcoming' ? upcoming(v, opts.now, ask, opts.publicUrl) : ''}
${phase === 'live' ? live(v, ask) : ''}
${phase === 'closed' ? transcript(v) : ''}
<p><a href="/chats/${chat.slug}/answers.atom">Follow the answers in a feed reader (Atom)</a></p>`
  const scripts =
    phase === 'upcoming'
      ? ['countdown.js', 'ask.js', 'copy.js', 'react.js']
      : phase === 'live'
        ? ['live.js', 'ask.js', 'react.js']
        : []
  return page({
    title: `${chat.title} (${chat.hashtag}) – ${org.name}`,
    description: `${chat.theme}. ${plural(v.answered, 'question')} answered.`,
    org,
    flash: opts.flash,
    scripts,
    head: html`<link rel="alternate" type="application/atom+xml" title="Answers from ${chat.title}" href="/chats/${chat.slug}/answers.atom">
<meta property="og:type" content="website">
<meta property="og:title" content="${chat.title} ${chat.hashtag}">
<meta property="og:description" content="${chat.theme}">
<meta property="og:url" content="${opts.publicUrl}/chats/${chat.slug}">
<meta name="twitter:card" content="summary">`,
    body,
  })
}
