import { html, type SafeHtml } from '../html.ts'

/**
 * Staff lists that can grow to thousands in a viral chat (the moderation queue, questions to
 * answer) show this many at first and add as many again on request: a page of them all was tens
 * of megabytes and took the server a second to build.
 */
const LIST_PAGE = 50
const LIST_MAX = 1000

/** How many items a list shows, from its `?limit=` (50 by default, at most 1,000). */
export function listLimit(asked: string | undefined): number {
  const n = Number.parseInt(asked ?? '', 10)
  return Number.isNaN(n) ? LIST_PAGE : Math.min(Math.max(n, LIST_PAGE), LIST_MAX)
}

/** The `&limit=` that keeps a page's lists as long as they are, for links back to it. */
export const keepLimit = (limit: number) => (limit > LIST_PAGE ? `&limit=${limit}` : '')

/** Under a list cut short: how much of it is shown, in what order, and a link to more. */
export function moreNote(opts: {
  shown: number
  total: number
  order: string
  href: (limit: number) => string
}): SafeHtml | '' {
  const { shown, total } = opts
  if (total <= shown) return ''
  const next = Math.min(shown + LIST_PAGE, LIST_MAX, total)
  return html`<p class="list-more">Showing the first ${shown} of ${total}, ${opts.order}.${
    next > shown ? html` <a href="${opts.href(next)}">Show ${next - shown} more</a>` : ''
  }</p>`
}
