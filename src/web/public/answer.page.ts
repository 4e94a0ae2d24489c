import type { PublicAnswer, PublicQuestion } from '../../domain/events.ts'
import type { Chat, Organisation } from '../../domain/types.ts'
import type { Flash } from '../flash.ts'
import { longDateTime, plural } from '../format.ts'
import { html, paragraphs, type SafeHtml } from '../html.ts'
import { emergencyBox } from '../layout/components.ts'
import { page } from '../layout/page.ts'
import { sharePanel } from './share.ts'

export const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s)

export interface AnswerView {
  answer: PublicAnswer
  question: PublicQuestion
  chat: Chat
  org: Organisation
}

/** The permanent page of one published answer, made to be shared. */
export function answerPage(
  v: AnswerView,
  opts: { publicUrl: string; flash: Flash | null },
): SafeHtml {
  const { answer, question, chat, org } = v
  const url = `${opts.publicUrl}/answers/${answer.id}`
  const image = `${url}/share.png`
  const title = clip(question.publicText, 110)
  const description = clip(`${answer.authorName}: ${answer.body}`, 200)
  const tz = org.timeZone
  return page({
    title: `${title} – ${chat.hashtag} – ${org.name}`,
    description,
    org,
    flash: opts.flash,
    scripts: ['copy.js', 'react.js'],
    head: html`<link rel="canonical" href="${url}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${org.name}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">
<meta property="og:image" content="${image}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:image:alt" content="The question and the start of the answer, with ${chat.hashtag}">
<meta property="article:published_time" content="${answer.publishedAt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${title}">
<meta name="twitter:description" content="${description}">
<meta name="twitter:image" content="${image}">`,
    body: html`<p class="caption"><a href="/chats/${chat.slug}">${chat.title}</a> · <span class="hashtag">${chat.hashtag}</span></p>
<h1>${question.publicText}</h1>
<p class="muted">Asked ${longDateTime(question.receivedAt, tz)} · ${plural(question.votes, 'upvote')}</p>
<div class="answer">
  <p class="by">${answer.authorName} answered on ${longDateTime(answer.publishedAt, tz)}${answer.updatedAt > answer.publishedAt ? html` <span class="muted">(corrected ${longDateTime(answer.updatedAt, tz)})</span>` : ''}</p>
  ${paragraphs(answer.body)}
</div>
<div class="actions">
  ${
    chat.state !== 'closed'
      ? html`<form method="post" action="/chats/${chat.slug}/answers/${answer.id}/thank" data-react="thank" data-id="${answer.id}"><input type="hidden" name="back" value="answer"><button class="quiet" type="submit">Say thanks<span class="visually-hidden"> for this answer</span></button></form>`
      : ''
  }
  <span data-thanks="${answer.id}">${plural(answer.thanks, 'thank', 'thanks')}</span>
</div>
${sharePanel({ heading: 'Share this answer', text: `${clip(question.publicText, 120)} ${chat.hashtag}`, url, subject: `${org.name}: ${clip(question.publicText, 80)}`, id: 'share' })}
${emergencyBox(org)}
<p><a href="/chats/${chat.slug}">See every question and answer from ${chat.title}</a></p>`,
  })
}
