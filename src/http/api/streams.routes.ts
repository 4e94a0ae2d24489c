import { z } from 'zod'
import { chatFor } from '../../app/access.ts'
import { getPublicChat } from '../../app/chats.ts'
import type { Deps } from '../../app/deps.ts'
import { auditLog } from '../../app/feed.ts'
import { route } from '../route.ts'
import type { FeedHub } from '../sse/hub.ts'
import { ChatParams } from './common.schema.ts'

const Resume = z.object({ after: z.coerce.number().int().min(0).optional() })
const LastEventId = z.coerce.number().int().min(0)

/** Where to resume: the standard Last-Event-ID header wins over `?after=` (the first connect). */
function resumeFrom(header: unknown, after: number | undefined): number | null {
  const parsed = LastEventId.safeParse(header)
  if (header !== undefined && parsed.success) return parsed.data
  return after ?? null
}

export const streamRoutes = (deps: Deps, hub: FeedHub) => [
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat/events',
    tag: 'public',
    summary: 'Server-sent events: approved questions, published answers, counts and chat state',
    auth: 'public',
    params: ChatParams,
    query: Resume,
    headers: {
      'Last-Event-ID': { description: 'Resume after this seq (sent by EventSource on reconnect)' },
    },
    handler: async ({ params, query, req, reply }) => {
      const chat = await getPublicChat(deps, params.chat)
      reply.hijack()
      await hub.attach(
        chat.id,
        'public',
        reply.raw,
        resumeFrom(req.headers['last-event-id'], query.after),
      )
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat/staff-events',
    tag: 'moderation',
    summary: "Server-sent events with every change to the chat, for its organisation's members",
    auth: 'staff',
    params: ChatParams,
    query: Resume,
    handler: async ({ actor, params, query, req, reply }) => {
      const chat = await chatFor(deps.store.read, actor, params.chat, 'chat.view')
      reply.hijack()
      await hub.attach(
        chat.id,
        'staff',
        reply.raw,
        resumeFrom(req.headers['last-event-id'], query.after),
      )
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat/log',
    tag: 'moderation',
    summary: 'The audit trail: every event of the chat, who did it and when',
    auth: 'staff',
    params: ChatParams,
    query: z.object({
      after: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
    handler: async ({ actor, params, query }) => ({
      events: await auditLog(deps, actor, params.chat, query.after, query.limit),
    }),
  }),
]
