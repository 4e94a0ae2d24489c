import type { Actor } from '../domain/permissions.ts'
import type { Chat, Organisation, Question } from '../domain/types.ts'
import type { Similar } from '../moderation/index.ts'
import { chatFor } from './access.ts'
import { getPublicChat } from './chats.ts'
import type { Deps } from './deps.ts'
import { type FeedItem, publicFeed } from './feed.ts'
import { queueOrder } from './questions.ts'

/** Read-only views the web pages need: each is one query of several repositories. */

async function orgOf(deps: Deps, chat: Chat): Promise<Organisation> {
  const org = await deps.store.read.organisations.findById(chat.orgId)
  if (!org) throw new Error(`chat ${chat.id} has no organisation`)
  return org
}

async function expertNames(deps: Deps, chat: Chat): Promise<string[]> {
  if (chat.experts.length === 0) return []
  const members = await deps.store.read.users.members(chat.orgId)
  return members.filter((m) => chat.experts.includes(m.userId)).map((m) => m.name)
}

export interface PublicChatView {
  org: Organisation
  chat: Chat
  experts: string[]
  seq: number
  items: FeedItem[]
  /** Questions received in all (every source, every state) and questions answered. */
  received: number
  answered: number
}

/** Everything the public chat page shows, in any state. */
export async function publicChatView(deps: Deps, slug: string): Promise<PublicChatView> {
  const chat = await getPublicChat(deps, slug)
  const [org, experts, feed, counts] = await Promise.all([
    orgOf(deps, chat),
    expertNames(deps, chat),
    publicFeed(deps, chat),
    deps.store.read.questions.countByState(chat.id),
  ])
  const received = Object.values(counts).reduce((a, b) => a + b, 0)
  return { org, chat, experts, ...feed, received, answered: counts.answered ?? 0 }
}

/** Landing page: chats open now or soon, across organisations. */
export const directory = (deps: Deps) => deps.store.read.directory.openChats()

export interface StaffChatView {
  org: Organisation
  chat: Chat
  members: Awaited<ReturnType<Deps['store']['read']['users']['members']>>
  counts: Record<string, number>
}

/** A chat as its staff see it: organisation, members and counts per state. */
export async function staffChatView(
  deps: Deps,
  actor: Actor,
  slug: string,
  action: 'chat.view' | 'question.moderate' | 'answer.write' | 'chat.plan' = 'chat.view',
): Promise<StaffChatView> {
  const chat = await chatFor(deps.store.read, actor, slug, action)
  const [org, members, counts] = await Promise.all([
    orgOf(deps, chat),
    deps.store.read.users.members(chat.orgId),
    deps.store.read.questions.countByState(chat.id),
  ])
  return { org, chat, members, counts }
}

export interface QueueItem {
  question: Question
  similar: Array<Similar & { text: string }>
}

/**
 * [Q14] The first `limit` questions of one state's moderation queue (those `keep` keeps), urgent
 * first, each with its likely duplicates, and how many there are in all. A viral chat can have
 * thousands waiting; a page of them all was 41 MB and took the server 1 s at 2,000.
 */
export async function moderationQueue(
  deps: Deps,
  chat: Chat,
  state: Question['state'] | 'all',
  opts: { limit: number; keep?: (q: Question) => boolean },
): Promise<{ items: QueueItem[]; total: number; open: Question[] }> {
  const all = await deps.store.read.questions.list(
    chat.id,
    state === 'all' ? {} : { states: [state] },
  )
  const kept = opts.keep ? all.filter(opts.keep) : all
  const questions = kept.sort(queueOrder).slice(0, opts.limit)
  const open = await deps.store.read.questions.list(chat.id, {
    states: ['pending', 'approved', 'answered'],
  })
  const textOf = new Map(open.map((q) => [q.id, q.publicText]))
  const similar =
    state === 'pending' ? await deps.duplicates.similar(chat.id, questions) : new Map()
  const items = questions.map((question) => ({
    question,
    similar: ((similar.get(question.id) ?? []) as Similar[])
      .filter((s) => textOf.has(s.id))
      .map((s) => ({ ...s, text: textOf.get(s.id) ?? '' })),
  }))
  return { items, total: kept.length, open }
}
