import type { Organisation, Role } from '../../domain/types.ts'
import type { StaffSession } from '../../http/session.ts'
import type { ApprovedReply } from '../../store/repos/replies.repo.ts'
import type { Member } from '../../store/repos/users.repo.ts'
import { brandTheme, contrast, WHITE } from '../colour.ts'
import type { Flash } from '../flash.ts'
import { html, paragraphs, type SafeHtml } from '../html.ts'
import { csrfField, errorSummary, type FieldError, field } from '../layout/components.ts'
import { staffPage } from './common.ts'

const ROLES: Array<[Role, string]> = [
  ['admin', 'Admin: settings, members, everything'],
  ['host', 'Host: plans, moderates and answers'],
  ['expert', 'Expert: answers questions'],
]

export interface SettingsView {
  org: Organisation
  role: Role
  members: Member[]
  replies: ApprovedReply[]
  values?: Partial<Record<string, string>>
  errors?: FieldError[]
}

function branding(v: SettingsView, csrf: string): SafeHtml {
  const org = v.org
  const val = (k: string, d: string | null) => v.values?.[k] ?? d ?? ''
  const errors = v.errors ?? []
  const t = brandTheme(org.brandColour)
  const ratio = contrast(t.band, t.onBand).toFixed(1)
  return html`<section aria-labelledby="brand-h">
<h2 id="brand-h">Branding and guidance</h2>
${errorSummary(errors)}
<form method="post" action="/staff/o/${org.slug}/settings" novalidate>
  ${csrfField(csrf)}
  ${field({ name: 'name', label: 'Organisation name', value: val('name', org.name), errors })}
  ${field({ name: 'timeZone', label: 'Time zone', hint: 'Times on every page are shown in this zone, for example Europe/London.', value: val('timeZone', org.timeZone), errors })}
  ${field({ name: 'brandColour', label: 'Brand colour', hint: 'A hex colour such as #1d4f91. Used for the header band; if white text would be hard to read on it, dark text is used instead.', value: val('brandColour', org.brandColour), errors, extra: html`<p class="small">Now: header text is ${t.onBand === WHITE ? 'white' : 'dark'} on ${t.band} (contrast ${ratio}:1).</p>` })}
  ${field({ name: 'logoUrl', label: 'Logo address (optional)', hint: 'A path on this site (starting with /) or an image data: address. Logos hosted elsewhere are not shown, so pages make no requests to other sites.', value: val('logoUrl', org.logoUrl), errors })}
  ${field({ name: 'emergencyGuidance', label: 'Emergency guidance', hint: 'Shown on every chat page, beside the question form, and sent privately to anyone whose question is redirected.', textarea: true, rows: 4, value: val('emergencyGuidance', org.emergencyGuidance), errors })}
  <button type="submit">Save settings</button>
</form>
</section>`
}

function members(v: SettingsView, csrf: string, me: string): SafeHtml {
  const admin = v.role === 'admin'
  const slug = v.org.slug
  return html`<section aria-labelledby="members-h">
<h2 id="members-h">Members and roles</h2>
<div class="table-scroll"><table>
  <caption class="visually-hidden">Members of ${v.org.name}</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th>${admin ? html`<th scope="col">Remove</th>` : ''}</tr></thead>
  <tbody>${v.members.map(
    (m) => html`<tr>
    <td>${m.name}${m.userId === me ? ' (you)' : ''}</td>
    <td>${m.email}</td>
    <td>${
      admin
        ? html`<form method="post" action="/staff/o/${slug}/members/${m.userId}" class="actions">
        ${csrfField(csrf)}
        <label class="visually-hidden" for="role-${m.userId}">Role of ${m.name}</label>
        <select id="role-${m.userId}" name="role">${ROLES.map(([r]) => html`<option value="${r}"${r === m.role ? ' selected' : ''}>${r}</option>`)}</select>
        <button class="secondary small" type="submit">Change<span class="visually-hidden"> role of ${m.name}</span></button>
      </form>`
        : m.role
    }</td>
    ${
      admin
        ? html`<td><form method="post" action="/staff/o/${slug}/members/${m.userId}">${csrfField(csrf)}<input type="hidden" name="action" value="remove"><button class="quiet small" type="submit">Remove<span class="visually-hidden"> ${m.name}</span></button></form></td>`
        : ''
    }
  </tr>`,
  )}</tbody>
</table></div>
${
  admin
    ? html`<h3>Invite someone</h3>
<form method="post" action="/staff/o/${slug}/invite">
  ${csrfField(csrf)}
  ${field({ name: 'email', id: 'invite-email', label: 'Their email address', type: 'email' })}
  <fieldset><legend>Role</legend><ul class="checks">${ROLES.map(
    ([r, label], i) =>
      html`<li class="check"><input type="radio" id="invite-role-${r}" name="role" value="${r}"${i === 2 ? ' checked' : ''}><label for="invite-role-${r}">${label}</label></li>`,
  )}</ul></fieldset>
  <button type="submit">Create invitation link</button>
</form>`
    : ''
}
</section>`
}

function replies(v: SettingsView, csrf: string): SafeHtml {
  const admin = v.role === 'admin'
  const slug = v.org.slug
  return html`<section aria-labelledby="replies-h">
<h2 id="replies-h">Approved replies</h2>
<p>Wording your organisation has agreed for common situations. Experts can start an answer from one.</p>
${v.replies.length === 0 ? html`<p class="empty">No approved replies yet.</p>` : ''}
<ul class="cards">${v.replies.map(
    (r) => html`<li class="card" id="reply-${r.id}">
  <h3>${r.title}</h3>
  ${paragraphs(r.body)}
  ${
    admin
      ? html`<details><summary>Edit or delete<span class="visually-hidden"> “${r.title}”</span></summary>
    <form method="post" action="/staff/o/${slug}/replies/${r.id}">
      ${csrfField(csrf)}
      ${field({ name: 'title', id: `title-${r.id}`, label: 'Title', value: r.title })}
      ${field({ name: 'body', id: `body-${r.id}`, label: 'Reply', textarea: true, value: r.body })}
      <div class="actions"><button type="submit" name="action" value="save">Save reply</button>
      <button class="danger" type="submit" name="action" value="delete">Delete reply</button></div>
    </form></details>`
      : ''
  }
</li>`,
  )}</ul>
${
  admin
    ? html`<h3>Add an approved reply</h3>
<form method="post" action="/staff/o/${slug}/replies">
  ${csrfField(csrf)}
  ${field({ name: 'title', id: 'new-reply-title', label: 'Title', hint: 'For example: Operational reasons' })}
  ${field({ name: 'body', id: 'new-reply-body', label: 'Reply', textarea: true })}
  <button type="submit">Add reply</button>
</form>`
    : ''
}
</section>`
}

/** Organisation settings: branding, emergency guidance, members and roles, approved replies. */
export function settingsPage(s: StaffSession, v: SettingsView, flash: Flash | null): SafeHtml {
  const admin = v.role === 'admin'
  return staffPage(s, {
    title: `Settings – ${v.org.name}`,
    org: v.org,
    flash,
    scripts: ['copy.js'],
    body: html`<h1>${v.org.name}: settings</h1>
<div class="grid halves">
  <div>${admin ? branding(v, s.csrfToken) : html`<h2>Emergency guidance</h2><div class="help-box"><p>${v.org.emergencyGuidance}</p></div><p class="muted">Only admins can change settings.</p>`}</div>
  <div>${members(v, s.csrfToken, s.actor.userId)}</div>
</div>
${replies(v, s.csrfToken)}`,
  })
}
