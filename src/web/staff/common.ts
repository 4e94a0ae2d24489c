import type { FastifyRequest } from 'fastify'
import { DomainError } from '../../domain/errors.ts'
import type { Actor } from '../../domain/permissions.ts'
import type { Chat, Organisation } from '../../domain/types.ts'
import type { StaffSession } from '../../http/session.ts'
import type { Flash } from '../flash.ts'
import type { HtmlValue, SafeHtml } from '../html.ts'
import { page } from '../layout/page.ts'

/** The signed-in member of a page request (GETs without a session are sent to sign in). */
export function session(req: FastifyRequest): StaffSession {
  if (!req.staff) throw new DomainError('unauthenticated', 'unauthenticated', 'Please sign in.')
  return req.staff
}

export type ChatTab = 'plan' | 'moderate' | 'answer' | 'dashboard' | 'present'

export function chatLinks(chat: Chat, current: ChatTab | null, canModerate: boolean) {
  const base = `/staff/chats/${chat.slug}`
  const links: Array<{ href: string; label: string; current?: boolean; tab?: ChatTab }> = [
    ...(canModerate
      ? [{ href: `${base}/plan`, label: 'Plan and publicity', tab: 'plan' as const }]
      : []),
    ...(canModerate
      ? [{ href: `${base}/moderate`, label: 'Moderate', tab: 'moderate' as const }]
      : []),
    { href: `${base}/answer`, label: 'Answer', tab: 'answer' },
    { href: `${base}/dashboard`, label: 'Dashboard', tab: 'dashboard' },
    { href: `${base}/present`, label: 'Presenter view', tab: 'present' },
    { href: `/chats/${chat.slug}`, label: 'Public page' },
  ]
  return links.map((l) => ({ href: l.href, label: l.label, current: l.tab === current }))
}

/** A staff console page: the organisation's band, the chat's tabs, the CSRF meta tag. */
export function staffPage(
  s: StaffSession,
  opts: {
    title: string
    org?: Organisation | null
    chat?: Chat
    tab?: ChatTab | null
    canModerate?: boolean
    flash?: Flash | null
    scripts?: string[]
    bodyClass?: string
    body: HtmlValue
  },
): SafeHtml {
  return page({
    title: `${opts.title} – Askhour`,
    org: opts.org ?? null,
    flash: opts.flash ?? null,
    scripts: opts.scripts ?? [],
    bodyClass: opts.bodyClass ?? 'wide',
    staff: {
      name: s.actor.name,
      csrf: s.csrfToken,
      ...(opts.chat
        ? { links: chatLinks(opts.chat, opts.tab ?? null, opts.canModerate ?? false) }
        : {}),
    },
    body: opts.body,
  })
}

export const canModerate = (actor: Actor, orgId: string) =>
  ['admin', 'host'].includes(actor.roles.get(orgId) ?? '')
