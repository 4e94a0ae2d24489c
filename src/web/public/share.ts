import type { Chat, Organisation } from '../../domain/types.ts'
import { longDateTime } from '../format.ts'
import { html, type SafeHtml } from '../html.ts'

export interface ShareTarget {
  label: string
  href: string
}

const enc = encodeURIComponent

/** One-click share links that carry the text and link (they leave this site only when clicked). */
export function shareLinks(text: string, url: string, subject: string): ShareTarget[] {
  const withUrl = `${text} ${url}`
  return [
    { label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${enc(withUrl)}` },
    { label: 'Mastodon', href: `https://mastodonshare.com/?text=${enc(text)}&url=${enc(url)}` },
    { label: 'X', href: `https://x.com/intent/post?text=${enc(text)}&url=${enc(url)}` },
    { label: 'WhatsApp', href: `https://wa.me/?text=${enc(withUrl)}` },
    { label: 'Email', href: `mailto:?subject=${enc(subject)}&body=${enc(withUrl)}` },
  ]
}

/** The sentence people share about a chat: what, when, and the hashtag. */
export function chatShareText(org: Organisation, chat: Chat): string {
  const when = longDateTime(chat.startsAt, org.timeZone)
  return `Ask ${org.name} about ${chat.theme.charAt(0).toLowerCase()}${chat.theme.slice(1)}: live on ${when}. Send your questions with ${chat.hashtag}`
}

/** The share panel: network links plus a copy-link field (copy.js adds the button). */
export function sharePanel(opts: {
  heading: string
  text: string
  url: string
  subject: string
  id: string
}): SafeHtml {
  return html`<section class="panel" aria-labelledby="${opts.id}-h">
  <h2 id="${opts.id}-h" class="h3-size">${opts.heading}</h2>
  <ul class="share">${shareLinks(opts.text, opts.url, opts.subject).map(
    (s) =>
      html`<li><a class="button secondary small" href="${s.href}" rel="noopener noreferrer" target="_blank">${s.label}<span class="visually-hidden"> (opens in a new tab)</span></a></li>`,
  )}</ul>
  <div class="field copy-field">
    <label for="${opts.id}-link">Link</label>
    <input id="${opts.id}-link" type="text" readonly value="${opts.url}" data-copy>
  </div>
</section>`
}
