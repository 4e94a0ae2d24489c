import { z } from 'zod'
import {
  createChat,
  editChat,
  getPublicChat,
  getStaffChat,
  hostMovesChat,
  listOrgChats,
  setExperts,
} from '../../app/chats.ts'
import type { Deps } from '../../app/deps.ts'
import { publicFeed } from '../../app/feed.ts'
import { route } from '../route.ts'
import { ChatParams, Id, Instant, OrgParams, Slug } from './common.schema.ts'
import { presentChat, presentStaffChat } from './presenters.ts'

/** A chat's plan; the console's planner form is checked against the same schema. */
export const Plan = z.object({
  slug: Slug,
  title: z.string().trim().min(3).max(140),
  theme: z.string().trim().min(3).max(280),
  hashtag: z.string().trim().max(50),
  description: z.string().trim().max(4000),
  opensAt: Instant,
  startsAt: Instant,
  endsAt: Instant,
})

export const NewPlan = Plan.extend({ description: Plan.shape.description.default('') })

const MOVES = {
  schedule: 'scheduled',
  unschedule: 'draft',
  start: 'live',
  close: 'closed',
} as const

export const chatRoutes = (deps: Deps) => [
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat',
    tag: 'public',
    summary: 'A scheduled, live or closed chat',
    auth: 'public',
    params: ChatParams,
    handler: async ({ params }) => presentChat(await getPublicChat(deps, params.chat)),
  }),
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat/feed',
    tag: 'public',
    summary: 'Approved questions with their published answers, and the log position to stream from',
    auth: 'public',
    params: ChatParams,
    handler: async ({ params }) => publicFeed(deps, await getPublicChat(deps, params.chat)),
  }),
  route({
    method: 'GET',
    url: '/api/v1/orgs/:org/chats',
    tag: 'chats',
    summary: 'Every chat of the organisation, drafts included',
    auth: 'staff',
    params: OrgParams,
    handler: async ({ actor, params }) => ({
      chats: (await listOrgChats(deps, actor, params.org)).map(presentStaffChat),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/v1/orgs/:org/chats',
    tag: 'chats',
    summary: 'Plan a chat (as a draft)',
    auth: 'staff',
    status: 201,
    params: OrgParams,
    body: NewPlan,
    handler: async ({ actor, params, body }) =>
      presentStaffChat(await createChat(deps, actor, params.org, body)),
  }),
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat/plan',
    tag: 'chats',
    summary: 'A chat as its staff see it',
    auth: 'staff',
    params: ChatParams,
    handler: async ({ actor, params }) =>
      presentStaffChat(await getStaffChat(deps, actor, params.chat)),
  }),
  route({
    method: 'PATCH',
    url: '/api/v1/chats/:chat',
    tag: 'chats',
    summary: 'Change the plan of a chat that has not closed',
    auth: 'staff',
    params: ChatParams,
    body: Plan.partial(),
    handler: async ({ actor, params, body }) =>
      presentStaffChat(await editChat(deps, actor, params.chat, body)),
  }),
  route({
    method: 'POST',
    url: '/api/v1/chats/:chat/:move',
    tag: 'chats',
    summary: 'Schedule, unschedule, start now or close a chat',
    auth: 'staff',
    params: z.object({ chat: Slug, move: z.enum(['schedule', 'unschedule', 'start', 'close']) }),
    handler: async ({ actor, params }) =>
      presentStaffChat(await hostMovesChat(deps, actor, params.chat, MOVES[params.move])),
  }),
  route({
    method: 'PUT',
    url: '/api/v1/chats/:chat/experts',
    tag: 'chats',
    summary: 'Set the experts answering a chat',
    auth: 'staff',
    params: ChatParams,
    body: z.object({ userIds: z.array(Id).max(50) }),
    handler: async ({ actor, params, body }) =>
      presentStaffChat(await setExperts(deps, actor, params.chat, body.userIds)),
  }),
]
