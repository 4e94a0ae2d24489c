import type { PublicChatView } from '../../app/views.ts'
import { html, type SafeHtml } from '../html.ts'
import { page } from '../layout/page.ts'
import { liveFeed } from './feed.view.ts'

/** A compact live view for an iframe on the organisation's own site. */
export function embedPage(v: PublicChatView, publicUrl: string): SafeHtml {
  const { chat, org } = v
  return page({
    title: `${chat.title} ${chat.hashtag} – live answers`,
    org,
    bare: true,
    bodyClass: 'embed',
    scripts: chat.state === 'closed' ? [] : ['live.js'],
    body: html`<h1>${chat.title} <span class="hashtag">${chat.hashtag}</span></h1>
<p><a href="${publicUrl}/chats/${chat.slug}" target="_blank" rel="noopener">Ask a question or read every answer<span class="visually-hidden"> (opens in a new tab)</span></a></p>
<p class="small">${org.emergencyGuidance}</p>
${liveFeed(v.items, v.seq, { chat, org, interactive: false }, true)}`,
  })
}
