import type { FastifyInstance } from 'fastify'
import { createChat, editChat, hostMovesChat, setExperts } from '../../app/chats.ts'
import { getOrganisation } from '../../app/organisations.ts'
import { staffChatView } from '../../app/views.ts'
import { DomainError } from '../../domain/errors.ts'
import { NewPlan } from '../../http/api/chats.routes.ts'
import { requireStaff } from '../../http/session.ts'
import { formList, formString, sendHtml, type WebContext } from '../context.ts'
import { takeFlash } from '../flash.ts'
import { fromLocalInput } from '../format.ts'
import type { FieldError } from '../layout/components.ts'
import { pageHeaders } from '../security.ts'
import { session } from './common.ts'
import { newChatPage, type PlanValues, plannerPage } from './planner.page.ts'
import { attempt, done } from './respond.ts'

type ChatP = { Params: { chat: string } }
const FIELDS = [
  'title',
  'slug',
  'hashtag',
  'theme',
  'description',
  'opensAt',
  'startsAt',
  'endsAt',
] as const
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/

/** Reads the plan form; times are typed in the organisation's zone. */
function readPlan(body: unknown, timeZone: string) {
  const values = Object.fromEntries(
    FIELDS.map((f) => [f, formString(body, f).trim()]),
  ) as Required<PlanValues>
  const errors: FieldError[] = []
  if (values.title.length < 3)
    errors.push({ field: 'title', message: 'Enter a title (at least 3 characters)' })
  if (values.theme.length < 3)
    errors.push({ field: 'theme', message: 'Enter the theme (at least 3 characters)' })
  if (!SLUG.test(values.slug))
    errors.push({ field: 'slug', message: 'Use 2–63 lowercase letters, digits and hyphens' })
  const times: Record<string, string> = {}
  for (const f of ['opensAt', 'startsAt', 'endsAt'] as const) {
    const t = fromLocalInput(values[f], timeZone)
    if (!t) errors.push({ field: f, message: 'Enter a date and time' })
    else times[f] = t
  }
  const candidate = { ...values, ...times }
  const parsed = NewPlan.safeParse(candidate)
  if (errors.length === 0 && !parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({ field: String(issue.path[0] ?? 'title'), message: issue.message })
    }
  }
  const plan = parsed.success
    ? parsed.data
    : {
        ...values,
        opensAt: times.opensAt ?? '',
        startsAt: times.startsAt ?? '',
        endsAt: times.endsAt ?? '',
      }
  return { values, errors, plan }
}

const domainField = (err: unknown): FieldError[] => {
  if (!(err instanceof DomainError) || !['invalid', 'conflict'].includes(err.kind)) throw err
  return [
    {
      field: err.details.field ?? (err.code === 'slug_taken' ? 'slug' : 'title'),
      message: err.message,
    },
  ]
}

/** Plan a chat, change it, schedule it, choose its experts. */
export function plannerRoutes(app: FastifyInstance, { deps }: WebContext): void {
  app.get<{ Params: { org: string } }>('/staff/o/:org/chats/new', async (req, reply) => {
    const s = session(req)
    const org = await getOrganisation(deps, s.actor, req.params.org)
    pageHeaders(reply)
    return sendHtml(reply, newChatPage(s, org, {}, []))
  })

  app.post<{ Params: { org: string } }>('/staff/o/:org/chats/new', async (req, reply) => {
    const actor = requireStaff(req)
    const s = session(req)
    const org = await getOrganisation(deps, actor, req.params.org)
    const { values, errors, plan } = readPlan(req.body, org.timeZone)
    pageHeaders(reply)
    if (errors.length) return sendHtml(reply, newChatPage(s, org, values, errors), 400)
    try {
      const chat = await createChat(deps, actor, org.slug, plan)
      return done(req, reply, `/staff/chats/${chat.slug}/plan`, {
        kind: 'success',
        title: 'Draft saved',
        body: 'Choose the experts, then schedule the chat to make its page public.',
      })
    } catch (err) {
      return sendHtml(reply, newChatPage(s, org, values, domainField(err)), 400)
    }
  })

  app.get<ChatP>('/staff/chats/:chat/plan', async (req, reply) => {
    const s = session(req)
    const v = await staffChatView(deps, s.actor, req.params.chat, 'chat.plan')
    pageHeaders(reply)
    return sendHtml(
      reply,
      plannerPage(s, { ...v, publicUrl: deps.publicUrl }, takeFlash(req, reply)),
    )
  })

  app.post<ChatP>('/staff/chats/:chat/plan', async (req, reply) => {
    const actor = requireStaff(req)
    const s = session(req)
    const v = await staffChatView(deps, actor, req.params.chat, 'chat.plan')
    const { values, errors, plan } = readPlan(req.body, v.org.timeZone)
    pageHeaders(reply)
    const again = (errs: FieldError[]) =>
      sendHtml(
        reply,
        plannerPage(s, { ...v, values, errors: errs, publicUrl: deps.publicUrl }, null),
        400,
      )
    if (errors.length) return again(errors)
    try {
      const chat = await editChat(deps, actor, req.params.chat, plan)
      return done(req, reply, `/staff/chats/${chat.slug}/plan`, {
        kind: 'success',
        title: 'Changes saved',
      })
    } catch (err) {
      return again(domainField(err))
    }
  })

  app.post<ChatP>('/staff/chats/:chat/experts', async (req, reply) => {
    const actor = requireStaff(req)
    const back = `/staff/chats/${req.params.chat}/plan`
    return attempt(req, reply, back, async () => {
      await setExperts(deps, actor, req.params.chat, formList(req.body, 'experts'))
      return done(req, reply, back, { kind: 'success', title: 'Experts saved' })
    })
  })

  const MOVES = {
    schedule: 'scheduled',
    unschedule: 'draft',
    start: 'live',
    close: 'closed',
  } as const
  const SAID = {
    schedule: 'The chat is scheduled: its page is public',
    unschedule: 'The chat is back to draft',
    start: 'The chat is live',
    close: 'The chat is closed',
  }
  app.post<ChatP>('/staff/chats/:chat/move', async (req, reply) => {
    const actor = requireStaff(req)
    const back = `/staff/chats/${req.params.chat}/plan`
    const move = formString(req.body, 'move') as keyof typeof MOVES
    return attempt(req, reply, back, async () => {
      if (!Object.hasOwn(MOVES, move))
        return done(req, reply, back, { kind: 'error', title: 'Unknown change' })
      await hostMovesChat(deps, actor, req.params.chat, MOVES[move])
      return done(req, reply, back, { kind: 'success', title: SAID[move] })
    })
  })
}
