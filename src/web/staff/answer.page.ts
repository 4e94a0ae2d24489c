import type { Answer, Chat, Organisation, Question } from '../../domain/types.ts'
import type { StaffSession } from '../../http/session.ts'
import type { ApprovedReply } from '../../store/repos/replies.repo.ts'
import type { Flash } from '../flash.ts'
import { clockTime, plural } from '../format.ts'
import { html, paragraphs, type SafeHtml } from '../html.ts'
import { csrfField } from '../layout/components.ts'
import { staffPage } from './common.ts'
import { keepLimit, moreNote } from './long-list.ts'

const KINDS: Array<[Answer['kind'], string]> = [
  ['answer', 'Answer'],
  ['operational', 'Operational (we cannot say more)'],
  ['redirect', 'Redirect (where to get help)'],
]

export interface ExpertView {
  org: Organisation
  chat: Chat
  /** The first approved questions waiting for an answer (mine first when `mine` is on). */
  waiting: Question[]
  waitingTotal: number
  /** The latest answers. */
  answered: Array<{ question: Question; answer: Answer }>
  answeredTotal: number
  /** How many of each list are shown (see long-list.ts). */
  limit: number
  drafts: Map<string, Answer>
  replies: ApprovedReply[]
  show: 'mine' | 'all'
  /** Question id → approved reply id to prefill (the JS-off "Insert reply"). */
  prefill: { questionId: string; replyId: string } | null
  canModerate: boolean
}

const kindSelect = (id: string, current: Answer['kind']) =>
  html`<div class="field"><label for="kind-${id}">Kind of answer</label><select id="kind-${id}" name="kind">${KINDS.map(
    ([k, label]) => html`<option value="${k}"${k === current ? ' selected' : ''}>${label}</option>`,
  )}</select></div>`

function compose(s: StaffSession, v: ExpertView, q: Question): SafeHtml {
  const draft = v.drafts.get(q.id)
  const prefill =
    v.prefill?.questionId === q.id
      ? v.replies.find((r) => r.id === v.prefill?.replyId)?.body
      : undefined
  const body = prefill ?? draft?.body ?? ''
  const mine = q.assignedTo === s.actor.userId
  return html`<li class="qcard" id="aq-${q.id}" tabindex="-1" aria-labelledby="aq-${q.id}-text">
  <header>${mine ? html`<span class="tag soon">Assigned to you</span>` : ''}${draft ? html`<span class="tag info">Draft saved</span>` : ''}<span class="muted small">${clockTime(q.receivedAt, v.org.timeZone)} · ${plural(q.votes, 'upvote')}</span></header>
  <p class="original" id="aq-${q.id}-text">${q.publicText}</p>
  <form method="post" action="/staff/chats/${v.chat.slug}/answer/${q.id}" data-compose>
    ${csrfField(s.csrfToken)}
    ${
      v.replies.length
        ? html`<div class="row"><div><label for="reply-${q.id}">Start from an approved reply</label><select id="reply-${q.id}" name="replyId" data-reply-for="body-${q.id}">${v.replies.map(
            (r) => html`<option value="${r.id}" data-body="${r.body}">${r.title}</option>`,
          )}</select></div><button class="secondary small" type="submit" name="action" value="insert">Insert reply</button></div>`
        : ''
    }
    <div class="field"><label for="body-${q.id}">Your answer</label><textarea id="body-${q.id}" name="body" rows="6">${body}</textarea></div>
    ${kindSelect(q.id, draft?.kind ?? 'answer')}
    <div class="actions"><button type="submit" name="action" value="publish">Publish answer</button><button class="secondary" type="submit" name="action" value="draft">Save draft</button></div>
  </form>
</li>`
}

function published(s: StaffSession, v: ExpertView, q: Question, a: Answer): SafeHtml {
  return html`<li class="qcard" id="aq-${q.id}">
  <p class="original">${q.publicText}</p>
  <div class="answer"><p class="by">${a.authorName} <span class="muted">at ${clockTime(a.publishedAt ?? a.updatedAt, v.org.timeZone)} · ${plural(a.thanks, 'thank', 'thanks')}</span></p>${paragraphs(a.body)}</div>
  <p><a href="/answers/${a.id}">Permanent page<span class="visually-hidden"> of this answer</span></a></p>
  <details><summary>Correct this answer</summary>
    <form method="post" action="/staff/chats/${v.chat.slug}/answers/${a.id}">
      ${csrfField(s.csrfToken)}
      <div class="field"><label for="fix-${a.id}">Corrected answer</label><span class="hint" id="fix-${a.id}-hint">The public sees that the answer was corrected.</span><textarea id="fix-${a.id}" name="body" rows="5" aria-describedby="fix-${a.id}-hint">${a.body}</textarea></div>
      ${kindSelect(`fix-${a.id}`, a.kind)}
      <button type="submit">Save correction</button>
    </form>
  </details>
</li>`
}

/** The expert's view: questions to answer, compose with approved replies, publish, correct. */
export function expertPage(s: StaffSession, v: ExpertView, flash: Flash | null): SafeHtml {
  const { chat } = v
  const more = (limit: number) => `?show=${v.show}&limit=${limit}`
  const tab = (show: 'mine' | 'all', label: string) =>
    html`<li><a href="?show=${show}"${v.show === show ? html` aria-current="page"` : ''}>${label}</a></li>`
  return staffPage(s, {
    title: `Answer – ${chat.title}`,
    org: v.org,
    chat,
    tab: 'answer',
    canModerate: v.canModerate,
    flash,
    scripts: ['answer.js'],
    body: html`<p class="caption">${chat.hashtag} · ${chat.state}</p>
<h1>Answer questions</h1>
<div class="feed-bar" data-ans-bar data-chat="${chat.slug}" data-seq="${chat.lastSeq}" hidden>
  <span class="status" data-ans-status>Watching for new questions.</span>
  <a class="button secondary small" href="?show=${v.show}${keepLimit(v.limit)}" data-ans-refresh hidden>Show new questions</a>
</div>
<nav aria-label="Which questions"><ul class="tabs">${tab('mine', 'Assigned to me first')}${tab('all', 'All approved')}</ul></nav>
<h2 id="waiting-h">To answer (${v.waitingTotal})</h2>
${v.waiting.length === 0 ? html`<p class="empty">No approved questions are waiting. New ones appear here once a host approves them.</p>` : ''}
<ol class="queue" aria-labelledby="waiting-h">${v.waiting.map((q) => compose(s, v, q))}</ol>
${moreNote({
  shown: v.waiting.length,
  total: v.waitingTotal,
  order: v.show === 'mine' ? 'yours first, then the most upvoted' : 'the most upvoted first',
  href: more,
})}
<h2 id="answered-h">Answered (${v.answeredTotal})</h2>
<ol class="queue" aria-labelledby="answered-h">${v.answered.map(({ question, answer }) => published(s, v, question, answer))}</ol>
${moreNote({ shown: v.answered.length, total: v.answeredTotal, order: 'newest first', href: more })}`,
  })
}
