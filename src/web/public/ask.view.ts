import { randomUUID } from 'node:crypto'
import type { Chat, Organisation } from '../../domain/types.ts'
import { longDateTime } from '../format.ts'
import { html, type SafeHtml } from '../html.ts'
import { emergencyBox, errorSummary, type FieldError, field } from '../layout/components.ts'

export interface AskState {
  text?: string
  authorName?: string
  errors?: FieldError[]
}

/** The question form, with the emergency guidance beside it. Works without JavaScript. */
export function askForm(
  org: Organisation,
  chat: Chat,
  open: boolean,
  state: AskState = {},
): SafeHtml {
  if (!open) {
    return html`<section class="panel" aria-labelledby="ask-h">
  <h2 id="ask-h">Ask a question</h2>
  <p>${chat.state === 'closed' ? 'This chat has closed and is no longer taking questions.' : `Questions open on ${longDateTime(chat.opensAt, org.timeZone)}.`}</p>
</section>
${emergencyBox(org, 2)}`
  }
  const errors = state.errors ?? []
  return html`<section aria-labelledby="ask-h" class="ask">
  <h2 id="ask-h">Ask a question</h2>
  ${errorSummary(errors)}
  <div role="status" aria-live="polite" data-ask-result></div>
  ${emergencyBox(org, 3)}
  <form method="post" action="/chats/${chat.slug}/ask" data-ask novalidate>
    <input type="hidden" name="idempotencyKey" value="${randomUUID()}">
    ${field({
      name: 'text',
      label: 'Your question',
      hint: `Please do not include names, addresses, phone numbers or other personal details. A moderator reads every question before it appears. You can also post on social media with ${chat.hashtag}.`,
      textarea: true,
      rows: 5,
      value: state.text ?? '',
      errors,
      maxlength: 2000,
    })}
    ${field({
      name: 'authorName',
      label: 'Your first name (optional)',
      hint: 'Shown to the moderators only.',
      value: state.authorName ?? '',
      errors,
      autocomplete: 'given-name',
      maxlength: 80,
    })}
    <button type="submit">Send question</button>
  </form>
</section>`
}
