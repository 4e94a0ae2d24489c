import type { QueueItem } from '../../app/views.ts'
import type { Chat, Organisation, Question } from '../../domain/types.ts'
import type { StaffSession } from '../../http/session.ts'
import type { Member } from '../../store/repos/users.repo.ts'
import type { Flash } from '../flash.ts'
import { clockTime, plural } from '../format.ts'
import { type HtmlValue, html, type SafeHtml } from '../html.ts'
import { csrfField } from '../layout/components.ts'
import { staffPage } from './common.ts'
import { keepLimit, moreNote } from './long-list.ts'

export const STATES = [
  'pending',
  'approved',
  'answered',
  'rejected',
  'redirected',
  'merged',
  'all',
] as const
export type QueueState = (typeof STATES)[number]
export type QueueFlag = 'urgent' | 'personal' | ''

export const REJECT_REASONS = [
  'Not about this chat',
  'Abusive or offensive',
  'Spam or advertising',
  'Personal details we cannot publish',
  'Already answered in this chat',
]

const FLAG_LABEL: Record<string, string> = {
  emergency: 'Emergency',
  crime_report: 'Crime report',
  abuse: 'Abuse',
  spam: 'Spam',
}

export interface ModerationView {
  org: Organisation
  chat: Chat
  members: Member[]
  counts: Record<string, number>
  /** The first `limit` of the queue (see long-list.ts), and how many there are in all. */
  items: QueueItem[]
  total: number
  limit: number
  open: Question[]
  state: QueueState
  flag: QueueFlag
}

const isUrgent = (q: Question) =>
  q.flags.some((f) => f.kind === 'emergency' || f.kind === 'crime_report')

/** The questions a filter keeps. */
export function keptBy(flag: QueueFlag): ((q: Question) => boolean) | undefined {
  if (flag === 'urgent') return isUrgent
  if (flag === 'personal') return (q) => q.masks.length > 0
  return undefined
}

/** The original words with each masked span highlighted (and named for screen readers). */
function maskedText(q: Question): SafeHtml {
  const parts: HtmlValue[] = []
  let at = 0
  for (const m of [...q.masks].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue
    parts.push(q.text.slice(at, m.start))
    parts.push(
      html`<mark>${q.text.slice(m.start, m.end)}<span class="visually-hidden"> (hidden from the public: ${m.type})</span></mark>`,
    )
    at = m.end
  }
  parts.push(q.text.slice(at))
  return html`${parts}`
}

function actionForm(
  chat: Chat,
  q: Question,
  csrf: string,
  back: string,
  action: string,
  inner: HtmlValue,
): SafeHtml {
  return html`<form method="post" action="/staff/chats/${chat.slug}/moderate/${q.id}">
  ${csrfField(csrf)}<input type="hidden" name="action" value="${action}"><input type="hidden" name="version" value="${q.version}"><input type="hidden" name="back" value="${back}">
  ${inner}
</form>`
}

function card(v: ModerationView, item: QueueItem, csrf: string, back: string): SafeHtml {
  const { chat } = v
  const q = item.question
  const tz = v.org.timeZone
  const assignee = v.members.find((m) => m.userId === q.assignedTo)
  const moderatable = q.state === 'pending' || q.state === 'approved'
  const form = (action: string, inner: HtmlValue) => actionForm(chat, q, csrf, back, action, inner)
  const others = v.open.filter((o) => o.id !== q.id).slice(-100)
  return html`<li class="qcard${isUrgent(q) ? ' urgent' : ''}" id="mq-${q.id}" data-q="${q.id}" tabindex="-1" aria-labelledby="mq-${q.id}-text">
  <header>
    ${moderatable ? html`<span class="select-q"><input type="checkbox" id="sel-${q.id}" name="ids" value="${q.id}" form="bulk" aria-describedby="mq-${q.id}-text"><label for="sel-${q.id}" class="visually-hidden">Select this question</label></span>` : ''}
    ${q.flags.map((f) => html`<span class="tag ${f.kind === 'emergency' || f.kind === 'crime_report' ? 'urgent' : 'info'}" title="${f.reason}">${FLAG_LABEL[f.kind] ?? f.kind}</span>`)}
    ${q.masks.length ? html`<span class="tag info">Personal data hidden</span>` : ''}
    ${q.state !== 'pending' ? html`<span class="tag">${q.state}</span>` : ''}
    <span class="muted small">${clockTime(q.receivedAt, tz)} · ${q.source}${q.authorName ? html` · ${q.authorName}` : ''} · ${plural(q.votes, 'vote')}${assignee ? html` · assigned to ${assignee.name}` : ''}</span>
  </header>
  <p class="original" id="mq-${q.id}-text">${maskedText(q)}</p>
  ${q.publicText !== q.text ? html`<p class="public"><strong>Public text:</strong> ${q.publicText}</p>` : ''}
  ${q.flags.length ? html`<p class="small muted">${q.flags.map((f) => f.reason).join(' ')}</p>` : ''}
  ${q.rejectReason ? html`<p class="small">Reason: ${q.rejectReason}</p>` : ''}
  ${
    item.similar.length
      ? html`<p class="small"><strong>Possible duplicates:</strong></p><ul class="similar">${item.similar.map(
          (
            s,
            i,
          ) => html`<li>“${s.text}” <span class="muted">(${Math.round(s.score * 100)}% alike)</span>
          ${form('merge', html`<input type="hidden" name="into" value="${s.id}"><button class="quiet small" type="submit"${i === 0 ? html` data-key="m"` : ''}>Merge into this<span class="visually-hidden"> question</span></button>`)}</li>`,
        )}</ul>`
      : ''
  }
  <div role="alert" data-conflict></div>
  ${
    moderatable
      ? html`<div class="row">
    ${q.state === 'pending' ? form('approve', html`<button type="submit" data-key="a">Approve</button>`) : ''}
    ${form('redirect', html`<button class="secondary" type="submit" data-key="d">Redirect with guidance</button>`)}
    ${form(
      'reject',
      html`<div><label for="reason-${q.id}">Reason</label><select id="reason-${q.id}" name="reason" data-key="r">${REJECT_REASONS.map((r) => html`<option>${r}</option>`)}</select></div><button class="secondary" type="submit">Reject</button>`,
    )}
  </div>
  <div class="row">
    ${form(
      'assign',
      html`<div><label for="assign-${q.id}">Assign to</label><select id="assign-${q.id}" name="expertId"><option value="">Nobody</option>${v.members.map(
        (m) =>
          html`<option value="${m.userId}"${m.userId === q.assignedTo ? ' selected' : ''}>${m.name}</option>`,
      )}</select></div><button class="secondary small" type="submit">Assign</button>`,
    )}
    ${
      others.length
        ? form(
            'merge',
            html`<div><label for="merge-${q.id}">Merge into</label><select id="merge-${q.id}" name="into">${others.map(
              (o) => html`<option value="${o.id}">${o.publicText.slice(0, 70)}</option>`,
            )}</select></div><button class="secondary small" type="submit">Merge</button>`,
          )
        : ''
    }
  </div>`
      : ''
  }
  ${
    q.state === 'pending' || q.state === 'approved' || q.state === 'answered'
      ? html`<details data-edit>
    <summary>Edit the public text${q.masks.length ? ' or show a hidden part' : ''}</summary>
    ${form(
      'edit',
      html`<div class="field"><label for="edit-${q.id}">Public text</label><span class="hint" id="edit-${q.id}-hint">Mask names, addresses and other personal details, for example [name].</span><textarea id="edit-${q.id}" name="publicText" rows="3" aria-describedby="edit-${q.id}-hint">${q.publicText}</textarea></div><button class="secondary small" type="submit">Save public text</button>`,
    )}
    ${q.masks.map((m) =>
      form(
        'unmask',
        html`<input type="hidden" name="start" value="${m.start}"><input type="hidden" name="end" value="${m.end}"><p class="small">Hidden ${m.type}: “${q.text.slice(m.start, m.end)}” <button class="quiet small" type="submit">Show it publicly</button></p>`,
      ),
    )}
  </details>`
      : ''
  }
</li>`
}

const LABEL: Record<QueueState, string> = {
  pending: 'Waiting',
  approved: 'Approved',
  answered: 'Answered',
  rejected: 'Rejected',
  redirected: 'Redirected',
  merged: 'Merged',
  all: 'All',
}

const q = (state: string, flag: string) => `?state=${state}${flag ? `&flag=${flag}` : ''}`

/** Where a form returns without JavaScript: the same tab, filter and length of list. */
const backOf = (v: ModerationView) => `${q(v.state, v.flag)}${keepLimit(v.limit)}`

/** The tabs, counts and list: re-rendered alone when the queue refreshes live. */
export function queueRegion(v: ModerationView, csrf: string): SafeHtml {
  const total = Object.values(v.counts).reduce((a, b) => a + b, 0)
  const back = backOf(v)
  const { items } = v
  return html`<div id="queue-region" data-state="${v.state}">
  <nav aria-label="Questions by state"><ul class="tabs">${STATES.map(
    (s) =>
      html`<li><a href="${q(s, v.flag)}"${s === v.state ? html` aria-current="page"` : ''}>${LABEL[s]} <span class="count-n">(${s === 'all' ? total : (v.counts[s] ?? 0)})</span></a></li>`,
  )}</ul></nav>
  <nav aria-label="Filters"><ul class="tabs">
    <li><a href="${q(v.state, '')}"${v.flag === '' ? html` aria-current="page"` : ''}>Everything</a></li>
    <li><a href="${q(v.state, 'urgent')}"${v.flag === 'urgent' ? html` aria-current="page"` : ''}>Emergencies and crime reports</a></li>
    <li><a href="${q(v.state, 'personal')}"${v.flag === 'personal' ? html` aria-current="page"` : ''}>With personal data</a></li>
  </ul></nav>
  <h2 id="queue-h">${LABEL[v.state]}: ${plural(v.total, 'question')}</h2>
  ${items.length === 0 ? html`<p class="empty">Nothing here right now.</p>` : ''}
  <ol class="queue" aria-labelledby="queue-h">${items.map((i) => card(v, i, csrf, back))}</ol>
  ${moreNote({
    shown: items.length,
    total: v.total,
    order: 'urgent first; the next come up as you moderate these',
    href: (limit) => `${q(v.state, v.flag)}&limit=${limit}`,
  })}
</div>`
}

/** The live, keyboard-driven moderation queue. */
export function moderatePage(s: StaffSession, v: ModerationView, flash: Flash | null): SafeHtml {
  const { chat } = v
  return staffPage(s, {
    title: `Moderate – ${chat.title}`,
    org: v.org,
    chat,
    tab: 'moderate',
    canModerate: true,
    flash,
    scripts: ['moderate.js'],
    body: html`<p class="caption">${chat.hashtag} · ${chat.state}</p>
<h1>Moderate</h1>
<div class="feed-bar" data-mod-bar hidden>
  <span class="status" data-mod-status>Live: new questions appear automatically.</span>
  <button type="button" class="secondary small" data-refresh hidden>Show new activity</button>
</div>
<div class="visually-hidden" role="status" aria-live="polite" data-mod-announce></div>
<details class="kbd-help"><summary>Keyboard shortcuts</summary>
  <p>When no field is focused: <kbd>j</kbd> or <kbd>↓</kbd> next question, <kbd>k</kbd> or <kbd>↑</kbd> previous, <kbd>a</kbd> approve, <kbd>r</kbd> choose a reject reason, <kbd>d</kbd> redirect with guidance, <kbd>m</kbd> merge into the first suggested duplicate, <kbd>e</kbd> edit the public text, <kbd>x</kbd> select for bulk actions.</p>
</details>
<form id="bulk" class="bulk" method="post" action="/staff/chats/${chat.slug}/moderate/bulk">
  ${csrfField(s.csrfToken)}
  <input type="hidden" name="back" value="${backOf(v)}">
  <div class="actions">
    <label for="bulk-action" class="inline">With the selected questions</label>
    <select id="bulk-action" name="action"><option value="approve">Approve</option><option value="reject">Reject</option><option value="redirect">Redirect with guidance</option></select>
    <label for="bulk-reason" class="inline">Reason (to reject)</label>
    <select id="bulk-reason" name="reason">${REJECT_REASONS.map((r) => html`<option>${r}</option>`)}</select>
    <button type="submit">Apply</button>
  </div>
</form>
<div data-live-queue data-chat="${chat.slug}" data-seq="${chat.lastSeq}">${queueRegion(v, s.csrfToken)}</div>
`,
  })
}
