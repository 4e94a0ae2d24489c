import type { Answer, Chat, Organisation } from '../../domain/types.ts'
import type { StaffSession } from '../../http/session.ts'
import { duration, plural } from '../format.ts'
import { html, paragraphs, type SafeHtml } from '../html.ts'
import { page } from '../layout/page.ts'
import { staffPage } from './common.ts'

export interface DashboardStats {
  waitingModeration: number
  waitingAnswer: number
  answered: number
  turnedAway: number
  /** Answers in the last 30 minutes, scaled to an hour. */
  pacePerHour: number
  /** Milliseconds until the end (live) or the start (before), null when closed. */
  timeLeftMs: number | null
}

const HALF_HOUR = 30 * 60_000

/** Waiting vs answered, answer pace and time left, from the counts and answer times. */
export function dashboardStats(
  chat: Chat,
  counts: Record<string, number>,
  answers: Answer[],
  now: Date,
): DashboardStats {
  const t = now.getTime()
  const recent = answers.filter(
    (a) => a.publishedAt && t - new Date(a.publishedAt).getTime() <= HALF_HOUR,
  )
  const liveFor = Math.max(0, t - new Date(chat.startsAt).getTime())
  const window = Math.min(HALF_HOUR, liveFor || HALF_HOUR)
  const pacePerHour =
    chat.state === 'live' && window > 0 ? Math.round((recent.length / window) * 3_600_000) : 0
  const timeLeftMs =
    chat.state === 'live'
      ? new Date(chat.endsAt).getTime() - t
      : chat.state === 'closed'
        ? null
        : new Date(chat.startsAt).getTime() - t
  return {
    waitingModeration: counts.pending ?? 0,
    waitingAnswer: counts.approved ?? 0,
    answered: counts.answered ?? 0,
    turnedAway: (counts.rejected ?? 0) + (counts.redirected ?? 0) + (counts.merged ?? 0),
    pacePerHour,
    timeLeftMs,
  }
}

/** A network's connector as hosts see it (from `connectorStates`). */
export interface NetworkState {
  network: string
  state: string
  reason: string | null
  account: { handle: string } | null
}

const NETWORK_NAME: Record<string, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon', x: 'X' }

/** Which networks feed this chat, and whether each is healthy, lagging or failing (and why). */
function networksList(networks: readonly NetworkState[]): SafeHtml {
  const on = networks.filter((n) => n.state !== 'off')
  if (on.length === 0) return html`<p>No social networks are switched on for this chat.</p>`
  return html`<ul class="networks">${on.map(
    (n) =>
      html`<li data-network="${n.network}" data-state="${n.state}"><strong>${NETWORK_NAME[n.network] ?? n.network}</strong>${n.account ? html` (${n.account.handle})` : ''}: ${n.state}${n.reason ? html` – ${n.reason}` : ''}</li>`,
  )}</ul>`
}

/**
 * While live and answering: how long the approved questions take at the current pace ("About 25
 * minutes to answer the 12 approved questions"), the figure that tells a host whether to bring in
 * another expert, and whether it fits in the time left.
 */
function queueStat(s: DashboardStats): SafeHtml | '' {
  const waiting = s.waitingAnswer
  // The pace is 0 unless the chat is live.
  if (s.pacePerHour === 0 || waiting === 0) return ''
  const queueMs = (waiting / s.pacePerHour) * 3_600_000
  const questions = waiting === 1 ? 'the approved question' : `the ${waiting} approved questions`
  const over = s.timeLeftMs !== null && queueMs > s.timeLeftMs
  return html`<li class="stat" data-queue="${over ? 'over' : 'fits'}"><span class="n">About ${duration(Math.max(60_000, queueMs))}</span> to answer ${questions}, at this pace${over ? ': more than the time left' : ''}</li>`
}

export function dashboardRegion(
  chat: Chat,
  s: DashboardStats,
  networks: readonly NetworkState[] = [],
): SafeHtml {
  const approved = s.answered + s.waitingAnswer
  const share = `${s.answered} of ${approved}`
  const left =
    s.timeLeftMs === null
      ? 'Closed'
      : chat.state === 'live'
        ? `${duration(s.timeLeftMs)} left`
        : `Starts in ${duration(s.timeLeftMs)}`
  return html`<div id="dash-region">
<ul class="stat-row">
  <li class="stat"><span class="n">${s.waitingModeration}</span> waiting for moderation</li>
  <li class="stat"><span class="n">${s.waitingAnswer}</span> approved, waiting for an answer</li>
  <li class="stat"><span class="n">${s.answered}</span> answered</li>
  <li class="stat"><span class="n">${s.turnedAway}</span> rejected, redirected or merged</li>
</ul>
<ul class="stat-row">
  <li class="stat"><span class="n">${left}</span> time</li>
  <li class="stat"><span class="n">${s.pacePerHour}</span> answers an hour (last 30 minutes)</li>
  ${queueStat(s)}
</ul>
<label for="progress">Answered of approved questions: ${share}</label>
<progress id="progress" max="${Math.max(1, approved)}" value="${s.answered}">${share}</progress>
<h2>Social networks</h2>
${networksList(networks)}
</div>`
}

/** The host's dashboard during a chat (refreshes itself with dashboard.js). */
export function dashboardPage(
  s: StaffSession,
  org: Organisation,
  chat: Chat,
  stats: DashboardStats,
  canModerate: boolean,
  networks: readonly NetworkState[] = [],
): SafeHtml {
  return staffPage(s, {
    title: `Dashboard – ${chat.title}`,
    org,
    chat,
    tab: 'dashboard',
    canModerate,
    scripts: ['dashboard.js'],
    body: html`<p class="caption">${chat.hashtag} · ${chat.state}</p>
<h1>Dashboard</h1>
<div data-refreshing="/staff/chats/${chat.slug}/dashboard?fragment=1" data-chat="${chat.slug}">${dashboardRegion(chat, stats, networks)}</div>`,
  })
}

export interface PresentView {
  org: Organisation
  chat: Chat
  latest: { question: string; answer: string; by: string } | null
  answered: number
  waiting: number
  publicUrl: string
}

export function presentRegion(v: PresentView): SafeHtml {
  return html`<div id="present-region">
<p class="p-tag">${v.chat.hashtag} · ${v.org.name}</p>
${
  v.latest
    ? html`<p class="p-q">${v.latest.question}</p><div class="p-a">${paragraphs(v.latest.answer)}</div><p class="p-by">${v.latest.by}</p>`
    : html`<p class="p-q">${v.chat.title}</p><p class="p-a">Answers will appear here as they are published.</p>`
}
<p class="p-foot">${plural(v.answered, 'question')} answered · ${v.waiting} waiting · Ask at ${v.publicUrl}/chats/${v.chat.slug}</p>
</div>`
}

/** The big-screen presenter view: the latest answer, large, updating itself. */
export function presentPage(v: PresentView): SafeHtml {
  return page({
    title: `Presenter view – ${v.chat.title}`,
    org: v.org,
    bare: true,
    bodyClass: 'present',
    scripts: ['dashboard.js'],
    body: html`<h1 class="visually-hidden">Presenter view: ${v.chat.title}</h1>
<div data-refreshing="/staff/chats/${v.chat.slug}/present?fragment=1" data-chat="${v.chat.slug}" aria-live="polite">${presentRegion(v)}</div>`,
  })
}
