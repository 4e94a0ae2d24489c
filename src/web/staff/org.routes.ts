import type { FastifyInstance } from 'fastify'
import { listOrgChats } from '../../app/chats.ts'
import {
  getOrganisation,
  invite,
  listMembers,
  myOrganisations,
  setMemberRole,
  updateOrganisation,
} from '../../app/organisations.ts'
import { deleteReply, listReplies, saveReply } from '../../app/replies.ts'
import type { Role } from '../../domain/types.ts'
import { Role as RoleSchema } from '../../http/api/common.schema.ts'
import { InviteBody } from '../../http/api/organisations.routes.ts'
import { requireStaff } from '../../http/session.ts'
import { formString, sendHtml, type WebContext } from '../context.ts'
import { takeFlash } from '../flash.ts'
import type { FieldError } from '../layout/components.ts'
import { pageHeaders } from '../security.ts'
import { session } from './common.ts'
import { homePage } from './home.page.ts'
import { attempt, done } from './respond.ts'
import { settingsPage } from './settings.page.ts'

type Org = { Params: { org: string } }

function checkSettings(body: unknown) {
  const v = {
    name: formString(body, 'name').trim(),
    timeZone: formString(body, 'timeZone').trim(),
    brandColour: formString(body, 'brandColour').trim(),
    logoUrl: formString(body, 'logoUrl').trim(),
    emergencyGuidance: formString(body, 'emergencyGuidance').trim(),
  }
  const errors: FieldError[] = []
  if (!v.name || v.name.length > 120)
    errors.push({ field: 'name', message: 'Enter the organisation name (up to 120 characters)' })
  if (v.timeZone !== 'UTC' && !Intl.supportedValuesOf('timeZone').includes(v.timeZone))
    errors.push({ field: 'timeZone', message: 'Enter a time zone such as Europe/London' })
  if (!/^#[0-9a-fA-F]{6}$/.test(v.brandColour))
    errors.push({ field: 'brandColour', message: 'Enter a colour like #1d4f91' })
  if (v.logoUrl && !/^(https?:\/\/|\/(?!\/)|data:image\/)/.test(v.logoUrl))
    errors.push({
      field: 'logoUrl',
      message: 'Enter a web address, a path starting with /, or leave it empty',
    })
  if (v.emergencyGuidance.length < 10 || v.emergencyGuidance.length > 1000)
    errors.push({
      field: 'emergencyGuidance',
      message: 'Write the emergency guidance (10 to 1,000 characters)',
    })
  return { v, errors }
}

/** Your organisations, and each organisation's settings, members and approved replies. */
export function orgRoutes(app: FastifyInstance, { deps }: WebContext): void {
  app.get('/staff', async (req, reply) => {
    const s = session(req)
    const orgs = await myOrganisations(deps, s.actor)
    const withChats = await Promise.all(
      orgs.map(async (org) => ({ org, chats: await listOrgChats(deps, s.actor, org.slug) })),
    )
    pageHeaders(reply)
    return sendHtml(reply, homePage(s, withChats, takeFlash(req, reply)))
  })

  const settingsView = async (req: { params: { org: string } } & Parameters<typeof session>[0]) => {
    const s = session(req)
    const org = await getOrganisation(deps, s.actor, req.params.org)
    const [members, replies] = await Promise.all([
      listMembers(deps, s.actor, org.slug),
      listReplies(deps, s.actor, org.slug),
    ])
    return { s, view: { org, role: s.actor.roles.get(org.id) as Role, members, replies } }
  }

  app.get<Org>('/staff/o/:org/settings', async (req, reply) => {
    const { s, view } = await settingsView(req)
    pageHeaders(reply)
    return sendHtml(reply, settingsPage(s, view, takeFlash(req, reply)))
  })

  app.post<Org>('/staff/o/:org/settings', async (req, reply) => {
    const actor = requireStaff(req)
    const { v, errors } = checkSettings(req.body)
    if (errors.length) {
      const { s, view } = await settingsView(req)
      pageHeaders(reply)
      return sendHtml(reply, settingsPage(s, { ...view, values: v, errors }, null), 400)
    }
    const back = `/staff/o/${req.params.org}/settings`
    return attempt(req, reply, back, async () => {
      await updateOrganisation(deps, actor, req.params.org, { ...v, logoUrl: v.logoUrl || null })
      return done(req, reply, back, { kind: 'success', title: 'Settings saved' })
    })
  })

  app.post<Org>('/staff/o/:org/invite', async (req, reply) => {
    const actor = requireStaff(req)
    const back = `/staff/o/${req.params.org}/settings#members-h`
    const parsed = InviteBody.safeParse({
      email: formString(req.body, 'email').trim(),
      role: formString(req.body, 'role'),
    })
    return attempt(req, reply, back, async () => {
      if (!parsed.success)
        return done(req, reply, back, {
          kind: 'error',
          title: 'Enter an email address and choose a role',
        })
      const { email, role } = parsed.data
      const { inviteUrl } = await invite(deps, actor, req.params.org, email, role)
      return done(req, reply, back, {
        kind: 'success',
        title: `Invitation created for ${email}`,
        body: 'Send them this link. It works once, for 7 days.',
        link: inviteUrl,
      })
    })
  })

  app.post<{ Params: { org: string; user: string } }>(
    '/staff/o/:org/members/:user',
    async (req, reply) => {
      const actor = requireStaff(req)
      const back = `/staff/o/${req.params.org}/settings#members-h`
      const remove = formString(req.body, 'action') === 'remove'
      const role = RoleSchema.safeParse(formString(req.body, 'role'))
      return attempt(req, reply, back, async () => {
        const next = remove ? null : role.data
        if (next === undefined)
          return done(req, reply, back, { kind: 'error', title: 'Choose a role' })
        await setMemberRole(deps, actor, req.params.org, req.params.user, next)
        return done(req, reply, back, {
          kind: 'success',
          title: remove ? 'Member removed' : 'Role changed',
        })
      })
    },
  )

  app.post<Org>('/staff/o/:org/replies', async (req, reply) => {
    const actor = requireStaff(req)
    const back = `/staff/o/${req.params.org}/settings#replies-h`
    return attempt(req, reply, back, async () => {
      await saveReply(deps, actor, req.params.org, null, {
        title: formString(req.body, 'title'),
        body: formString(req.body, 'body'),
      })
      return done(req, reply, back, { kind: 'success', title: 'Approved reply added' })
    })
  })

  app.post<{ Params: { org: string; id: string } }>(
    '/staff/o/:org/replies/:id',
    async (req, reply) => {
      const actor = requireStaff(req)
      const back = `/staff/o/${req.params.org}/settings#replies-h`
      return attempt(req, reply, back, async () => {
        if (formString(req.body, 'action') === 'delete') {
          await deleteReply(deps, actor, req.params.org, req.params.id)
          return done(req, reply, back, { kind: 'success', title: 'Approved reply deleted' })
        }
        await saveReply(deps, actor, req.params.org, req.params.id, {
          title: formString(req.body, 'title'),
          body: formString(req.body, 'body'),
        })
        return done(req, reply, back, { kind: 'success', title: 'Approved reply saved' })
      })
    },
  )
}
