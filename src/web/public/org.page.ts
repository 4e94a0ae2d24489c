import type { Chat, Organisation } from '../../domain/types.ts'
import type { DirectoryEntry } from '../../store/repos/directory.repo.ts'
import type { Flash } from '../flash.ts'
import { longDateTime, timeRange } from '../format.ts'
import { html, type SafeHtml } from '../html.ts'
import { page } from '../layout/page.ts'

function chatCard(org: Organisation, c: Chat, now: Date): SafeHtml {
  const tz = org.timeZone
  const tag =
    c.state === 'live'
      ? html`<span class="tag live">Live now</span>`
      : c.state === 'closed'
        ? html`<span class="tag">Closed</span>`
        : c.opensAt <= now.toISOString()
          ? html`<span class="tag soon">Taking questions</span>`
          : html`<span class="tag soon">Coming up</span>`
  return html`<li class="card">
  <p>${tag} <span class="hashtag">${c.hashtag}</span></p>
  <h3><a href="/chats/${c.slug}">${c.title}</a></h3>
  <p>${c.theme}</p>
  <p class="muted">${longDateTime(c.startsAt, tz).replace(/ at .*/, '')}, ${timeRange(c.startsAt, c.endsAt, tz)}</p>
</li>`
}

/** An organisation's public page: live, upcoming and past chats. */
export function orgPage(
  org: Organisation,
  chats: Chat[],
  now: Date,
  flash: Flash | null,
): SafeHtml {
  const live = chats.filter((c) => c.state === 'live')
  const upcoming = chats.filter((c) => c.state === 'scheduled').reverse()
  const past = chats.filter((c) => c.state === 'closed')
  const section = (id: string, title: string, list: Chat[], empty: string) =>
    html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${
      list.length
        ? html`<ul class="cards">${list.map((c) => chatCard(org, c, now))}</ul>`
        : html`<p class="empty">${empty}</p>`
    }</section>`
  return page({
    title: `${org.name} – live question and answer chats`,
    description: `Ask ${org.name} your questions in live chats.`,
    org,
    flash,
    body: html`<h1>Ask ${org.name}</h1>
<p class="lead">Live chats where our experts answer your questions in public. Ask on this site or on social media with the chat’s hashtag.</p>
${live.length ? section('live-h', 'Live now', live, '') : ''}
${section('upcoming-h', 'Coming up', upcoming, 'No chats are planned right now. Check back soon.')}
${section('past-h', 'Past chats', past, 'No past chats yet.')}`,
  })
}

/** The landing page: what Askhour is, and chats open now or soon. */
export function landingPage(entries: DirectoryEntry[], flash: Flash | null): SafeHtml {
  return page({
    title: 'Askhour – questions answered live by public services',
    flash,
    body: html`<h1>Questions answered live by the people who know</h1>
<p class="lead">Police forces, councils, health and fire services run live chats here. Anyone can ask; experts answer in public.</p>
<h2>Live and coming up</h2>
${
  entries.length
    ? html`<ul class="cards">${entries.map(
        (e) => html`<li class="card">
  <p>${e.state === 'live' ? html`<span class="tag live">Live now</span>` : html`<span class="tag soon">Coming up</span>`} <span class="hashtag">${e.hashtag}</span></p>
  <h3><a href="/chats/${e.chatSlug}">${e.title}</a></h3>
  <p class="muted">By <a href="/o/${e.orgSlug}">${e.orgName}</a></p>
</li>`,
      )}</ul>`
    : html`<p class="empty">No chats are live or planned right now.</p>`
}
<h2>Run a chat</h2>
<p>Staff of a member organisation can <a href="/staff/sign-in">sign in</a> to plan, moderate and answer chats.</p>`,
  })
}
