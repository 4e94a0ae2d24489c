import * as chatRules from '../domain/chat.ts'
import { conflict, invalid, notFound } from '../domain/errors.ts'
import { event } from '../domain/events.ts'
import type { Actor } from '../domain/permissions.ts'
import type { Chat, ChatState } from '../domain/types.ts'
import { actorRef, chatFor, orgFor } from './access.ts'
import { changeChat } from './commit.ts'
import { type Deps, isoNow } from './deps.ts'

export interface ChatPlan {
  slug: string
  title: string
  theme: string
  hashtag: string
  description: string
  opensAt: string
  startsAt: string
  endsAt: string
}

/** [C7] Hosts plan a chat as a draft; nothing is public until it is scheduled. */
export async function createChat(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  plan: ChatPlan,
): Promise<Chat> {
  const org = await orgFor(deps.store.read, actor, orgSlug, 'chat.plan')
  chatRules.checkHashtag(plan.hashtag)
  chatRules.checkTimes(plan)
  const now = isoNow(deps)
  const chat: Chat = {
    ...plan,
    id: deps.newId(),
    orgId: org.id,
    state: 'draft',
    experts: [],
    lastSeq: 0,
    createdAt: now,
    updatedAt: now,
  }
  const { result } = await changeChat(deps, chat.id, actorRef(actor), async (tx) => {
    if (await tx.chats.slugTaken(plan.slug))
      throw conflict('slug_taken', 'Another chat already uses that web address.')
    await tx.chats.insert(chat)
    return { result: chat, events: [event('chat.created', { chat })] }
  })
  return result
}

export async function editChat(
  deps: Deps,
  actor: Actor,
  slug: string,
  changes: Partial<ChatPlan>,
): Promise<Chat> {
  const current = await chatFor(deps.store.read, actor, slug, 'chat.plan')
  const { result } = await changeChat(deps, current.id, actorRef(actor), async (tx, at) => {
    const chat = await tx.chats.findById(current.id)
    if (!chat) throw notFound('Chat')
    if (changes.slug && changes.slug !== chat.slug && (await tx.chats.slugTaken(changes.slug))) {
      throw conflict('slug_taken', 'Another chat already uses that web address.')
    }
    const { chat: next, events } = chatRules.edit(chat, changes, at)
    await tx.chats.update(next)
    return { result: next, events }
  })
  return result
}

/** [C1] A host schedules, unschedules, starts or closes a chat; the clock uses the same path. */
export async function moveChat(
  deps: Deps,
  chatId: string,
  to: ChatState,
  actor: string,
): Promise<Chat> {
  const { result } = await changeChat(deps, chatId, actor, async (tx, at) => {
    const chat = await tx.chats.findById(chatId)
    if (!chat) throw notFound('Chat')
    const { chat: next, events } = chatRules.transition(chat, to, at)
    await tx.chats.update(next)
    return { result: next, events }
  })
  return result
}

export async function hostMovesChat(deps: Deps, actor: Actor, slug: string, to: ChatState) {
  const chat = await chatFor(deps.store.read, actor, slug, 'chat.plan')
  return moveChat(deps, chat.id, to, actorRef(actor))
}

/** [C8] The experts of a chat must be members of its organisation. */
export async function setExperts(
  deps: Deps,
  actor: Actor,
  slug: string,
  userIds: string[],
): Promise<Chat> {
  const current = await chatFor(deps.store.read, actor, slug, 'chat.plan')
  const { result } = await changeChat(deps, current.id, actorRef(actor), async (tx, at) => {
    const members = new Set((await tx.users.members(current.orgId)).map((m) => m.userId))
    const stranger = userIds.find((id) => !members.has(id))
    if (stranger)
      throw invalid('not_a_member', 'Every expert must be a member of the organisation.', 'userIds')
    const unique = [...new Set(userIds)].sort()
    const fresh = await tx.chats.findById(current.id)
    if (!fresh) throw notFound('Chat')
    await tx.chats.setExperts(current.id, unique)
    const chat = { ...fresh, experts: unique, updatedAt: at }
    await tx.chats.update(chat)
    return { result: chat, events: [event('chat.updated', { chat })] }
  })
  return result
}

export async function listOrgChats(deps: Deps, actor: Actor, orgSlug: string) {
  const org = await orgFor(deps.store.read, actor, orgSlug, 'chat.view')
  return deps.store.read.chats.listByOrg(org.id)
}

export async function getStaffChat(deps: Deps, actor: Actor, slug: string) {
  return chatFor(deps.store.read, actor, slug, 'chat.view')
}

/** [C9] The public never sees a draft. */
export async function getPublicChat(deps: Deps, slug: string): Promise<Chat> {
  const chat = await deps.store.read.chats.findBySlug(slug)
  if (!chat || chat.state === 'draft') throw notFound('Chat')
  return chat
}
