import type { Chat, Organisation } from '../../domain/types.ts'
import type { StaffSession } from '../../http/session.ts'
import type { Member } from '../../store/repos/users.repo.ts'
import type { Flash } from '../flash.ts'
import { longDateTime, toLocalInput } from '../format.ts'
import { html, type SafeHtml } from '../html.ts'
import { csrfField, errorSummary, type FieldError, field } from '../layout/components.ts'
import { staffPage } from './common.ts'
import { publicityKit } from './publicity.ts'

export type PlanValues = Partial<
  Record<
    'title' | 'slug' | 'hashtag' | 'theme' | 'description' | 'opensAt' | 'startsAt' | 'endsAt',
    string
  >
>

function planFields(
  org: Organisation,
  values: PlanValues,
  errors: FieldError[],
  isNew: boolean,
): SafeHtml {
  const tz = org.timeZone
  return html`
  ${field({ name: 'title', label: 'Title', hint: 'For example: Ask the dangerous dogs team', value: values.title, errors })}
  ${field({ name: 'theme', label: 'Theme', hint: 'One line: what people can ask about.', value: values.theme, errors })}
  ${field({ name: 'hashtag', label: 'Hashtag', hint: 'Starts with #, then a letter, then letters, digits or underscores. For example #AskGMPdogs', value: values.hashtag, errors })}
  ${field({ name: 'slug', label: 'Web address', hint: `The chat’s page will be /chats/<this>. Lowercase letters, digits and hyphens.${isNew ? '' : ' Changing it breaks links already shared.'}`, value: values.slug, errors })}
  ${field({ name: 'description', label: 'Description (optional)', textarea: true, rows: 4, value: values.description, errors })}
  <fieldset>
    <legend>Times (${tz})</legend>
    ${field({ name: 'opensAt', label: 'Questions open', hint: 'When people can start sending questions, and the page goes public once scheduled.', type: 'datetime-local', value: values.opensAt, errors })}
    ${field({ name: 'startsAt', label: 'Chat starts', type: 'datetime-local', value: values.startsAt, errors })}
    ${field({ name: 'endsAt', label: 'Chat ends', type: 'datetime-local', value: values.endsAt, errors })}
  </fieldset>`
}

export const planValuesOf = (chat: Chat, tz: string): PlanValues => ({
  title: chat.title,
  slug: chat.slug,
  hashtag: chat.hashtag,
  theme: chat.theme,
  description: chat.description,
  opensAt: toLocalInput(chat.opensAt, tz),
  startsAt: toLocalInput(chat.startsAt, tz),
  endsAt: toLocalInput(chat.endsAt, tz),
})

/** Plan a new chat (it starts as a draft). */
export function newChatPage(
  s: StaffSession,
  org: Organisation,
  values: PlanValues,
  errors: FieldError[],
): SafeHtml {
  return staffPage(s, {
    title: `Plan a chat – ${org.name}`,
    org,
    body: html`<div class="narrow">
<h1>Plan a chat</h1>
<p>The chat is saved as a draft. Nobody outside ${org.name} sees it until you schedule it.</p>
${errorSummary(errors)}
<form method="post" action="/staff/o/${org.slug}/chats/new" novalidate>
  ${csrfField(s.csrfToken)}
  ${planFields(org, values, errors, true)}
  <button type="submit">Save draft</button>
</form></div>`,
  })
}

const MOVES: Record<Chat['state'], Array<{ move: string; label: string; cls?: string }>> = {
  draft: [{ move: 'schedule', label: 'Schedule: make the chat public' }],
  scheduled: [
    { move: 'start', label: 'Start the chat now' },
    { move: 'unschedule', label: 'Back to draft', cls: 'secondary' },
  ],
  live: [{ move: 'close', label: 'Close the chat now', cls: 'danger' }],
  closed: [],
}

const STATE_TEXT: Record<Chat['state'], string> = {
  draft: 'Draft: only your organisation can see it.',
  scheduled: 'Scheduled: the public page is up.',
  live: 'Live now.',
  closed: 'Closed: the transcript is public.',
}

export interface PlannerView {
  org: Organisation
  chat: Chat
  members: Member[]
  values?: PlanValues
  errors?: FieldError[]
  publicUrl: string
}

/** The planner: edit, schedule, experts, and the publicity kit. */
export function plannerPage(s: StaffSession, v: PlannerView, flash: Flash | null): SafeHtml {
  const { org, chat } = v
  const tz = org.timeZone
  const url = `${v.publicUrl}/chats/${chat.slug}`
  const experts = v.members.filter((m) => chat.experts.includes(m.userId)).map((m) => m.name)
  const errors = v.errors ?? []
  const embed = `<iframe src="${url}/embed" title="${chat.title}: live answers" width="100%" height="640" loading="lazy"></iframe>`
  return staffPage(s, {
    title: `Plan – ${chat.title}`,
    org,
    chat,
    tab: 'plan',
    canModerate: true,
    flash,
    scripts: ['copy.js'],
    body: html`<p class="caption">${chat.hashtag}</p>
<h1>${chat.title}</h1>
<div class="panel">
  <p><strong>${STATE_TEXT[chat.state]}</strong> Starts ${longDateTime(chat.startsAt, tz)}.</p>
  <div class="actions">${MOVES[chat.state].map(
    (m) =>
      html`<form method="post" action="/staff/chats/${chat.slug}/move">${csrfField(s.csrfToken)}<input type="hidden" name="move" value="${m.move}"><button type="submit"${m.cls ? html` class="${m.cls}"` : ''}>${m.label}</button></form>`,
  )}</div>
</div>
<div class="grid halves">
<div>
${
  chat.state === 'closed'
    ? html`<h2>Plan</h2><p>A closed chat cannot be changed.</p>`
    : html`<h2 id="plan-h">Plan</h2>
${errorSummary(errors)}
<form method="post" action="/staff/chats/${chat.slug}/plan" novalidate aria-labelledby="plan-h">
  ${csrfField(s.csrfToken)}
  ${planFields(org, v.values ?? planValuesOf(chat, tz), errors, false)}
  <button type="submit">Save changes</button>
</form>
<h2 id="experts-h">Experts</h2>
<form method="post" action="/staff/chats/${chat.slug}/experts">
  ${csrfField(s.csrfToken)}
  <fieldset><legend>Who answers in this chat</legend><ul class="checks">${v.members.map(
    (m) =>
      html`<li class="check"><input type="checkbox" id="expert-${m.userId}" name="experts" value="${m.userId}"${chat.experts.includes(m.userId) ? ' checked' : ''}><label for="expert-${m.userId}">${m.name} <span class="muted">(${m.role})</span></label></li>`,
  )}</ul></fieldset>
  <button type="submit" class="secondary">Save experts</button>
</form>`
}
</div>
<div>
<h2>Publicity kit</h2>
<p>Copy these into each network. Every text carries the hashtag and the link.</p>
<div class="field"><label for="kit-link">Link to the chat</label><input id="kit-link" type="text" readonly value="${url}" data-copy></div>
<p><a href="/chats/${chat.slug}/calendar.ics">Calendar file (.ics)</a> to attach to emails or put on your website.</p>
${publicityKit(org, chat, url, experts).map(
  (k) => html`<div class="field">
  <label for="kit-${k.id}">${k.label}</label>
  <textarea id="kit-${k.id}" readonly rows="4" data-copy${k.limit ? html` aria-describedby="kit-${k.id}-count"` : ''}>${k.text}</textarea>
  ${k.limit ? html`<span class="count" id="kit-${k.id}-count">${[...k.text].length} of ${k.limit} characters</span>` : ''}
</div>`,
)}
<div class="field"><label for="kit-embed">Embed on your website</label>
<span class="hint" id="kit-embed-hint">Paste this where the live answers should appear.</span>
<textarea id="kit-embed" readonly rows="3" aria-describedby="kit-embed-hint" data-copy>${embed}</textarea></div>
</div>
</div>`,
  })
}
