import { notFound } from '../domain/errors.ts'
import { type Action, type Actor, can } from '../domain/permissions.ts'
import type { Chat, Organisation } from '../domain/types.ts'
import type { Repos } from '../store/repos.ts'

/** [P2] A chat the actor may act on; one they may not is "not found", so its existence stays private. */
export async function chatFor(
  repos: Repos,
  actor: Actor,
  slug: string,
  action: Action,
): Promise<Chat> {
  const chat = await repos.chats.findBySlug(slug)
  if (!chat || !can(actor, action, chat.orgId)) throw notFound('Chat')
  return chat
}

export async function orgFor(
  repos: Repos,
  actor: Actor,
  slug: string,
  action: Action,
): Promise<Organisation> {
  const org = await repos.organisations.findBySlug(slug)
  if (!org || !can(actor, action, org.id)) throw notFound('Organisation')
  return org
}

export const actorRef = (actor: Actor) => `user:${actor.userId}`
