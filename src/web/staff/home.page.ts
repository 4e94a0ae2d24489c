import type { Chat, Organisation, Role } from '../../domain/types.ts'
import type { StaffSession } from '../../http/session.ts'
import type { Flash } from '../flash.ts'
import { shortDateTime } from '../format.ts'
import { html, type SafeHtml } from '../html.ts'
import { staffPage } from './common.ts'

const STATE: Record<string, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  live: 'Live now',
  closed: 'Closed',
}

/** "Your organisations": each with its chats and the way into each console view. */
export function homePage(
  s: StaffSession,
  orgs: Array<{ org: Organisation & { role: Role }; chats: Chat[] }>,
  flash: Flash | null,
): SafeHtml {
  return staffPage(s, {
    title: 'Your organisations',
    flash,
    body: html`<h1>Your organisations</h1>
${orgs.length === 0 ? html`<p>You are not a member of any organisation yet.</p>` : ''}
${orgs.map(({ org, chats }) => {
  const planner = org.role !== 'expert'
  return html`<section aria-labelledby="org-${org.slug}">
  <h2 id="org-${org.slug}">${org.name} <span class="tag">${org.role}</span></h2>
  <div class="actions">
    ${planner ? html`<a class="button" href="/staff/o/${org.slug}/chats/new">Plan a new chat</a>` : ''}
    <a class="button secondary" href="/staff/o/${org.slug}/settings">${org.role === 'admin' ? 'Settings, members and replies' : 'Approved replies and members'}</a>
    <a href="/o/${org.slug}">Public page</a>
  </div>
  ${
    chats.length
      ? html`<div class="table-scroll"><table>
    <caption class="visually-hidden">Chats of ${org.name}</caption>
    <thead><tr><th scope="col">Chat</th><th scope="col">State</th><th scope="col">Starts</th><th scope="col">Open</th></tr></thead>
    <tbody>${chats.map(
      (c) => html`<tr>
      <td><a href="/staff/chats/${c.slug}/${planner ? 'plan' : 'answer'}">${c.title}</a><br><span class="muted small">${c.hashtag}</span></td>
      <td>${STATE[c.state] ?? c.state}</td>
      <td>${shortDateTime(c.startsAt, org.timeZone)}</td>
      <td>${planner ? html`<a href="/staff/chats/${c.slug}/moderate">Moderate</a> · ` : ''}<a href="/staff/chats/${c.slug}/answer">Answer</a> · <a href="/staff/chats/${c.slug}/dashboard">Dashboard</a></td>
    </tr>`,
    )}</tbody>
  </table></div>`
      : html`<p class="empty">No chats yet.</p>`
  }
</section>`
})}`,
  })
}
