import { acceptsQuestions } from '../domain/chat.ts'
import { conflict, DomainError, notFound } from '../domain/errors.ts'
import type { Actor } from '../domain/permissions.ts'
import { deleteAtSource } from '../domain/question.ts'
import type { Chat, Question, Source } from '../domain/types.ts'
import { chatFor, orgFor } from './access.ts'
import { changeChat } from './commit.ts'
import { type Deps, isoNow } from './deps.ts'
import { ingestPost, type NetworkPost } from './questions.ts'

export const NETWORKS = ['bluesky', 'mastodon', 'x'] as const satisfies readonly Source[]
export type Network = (typeof NETWORKS)[number]

/** What connecting an account needs beyond the database: the networks and the sealing key. */
export interface ConnectorServices {
  /** Checks the credentials on their network; says who they belong to, or throws a DomainError. */
  verify(network: Network, credentials: unknown): Promise<{ userId: string; handle: string }>
  /** Seals credentials (JSON) for storage, bound to `context`. */
  seal(plain: string, context: string): string
}

/** A connector is "lagging" when its stream is this far behind, or silent this long. */
export const LAG_MS = 60_000
export const SILENT_MS = 120_000

const unavailable = () =>
  new DomainError(
    'unavailable',
    'connectors_unavailable',
    'Social networks are not set up on this server (CONNECTOR_KEY is missing).',
  )

/** [N2] An admin connects the organisation's account on a network; the credentials are sealed. */
export async function connectAccount(
  deps: Deps,
  services: ConnectorServices | undefined,
  actor: Actor,
  orgSlug: string,
  network: Network,
  credentials: unknown,
) {
  if (!services) throw unavailable()
  const org = await orgFor(deps.store.read, actor, orgSlug, 'org.manage')
  const identity = await services.verify(network, credentials)
  const existing = await deps.store.read.connectors.findAccount(org.id, network)
  const now = isoNow(deps)
  const id = existing?.id ?? deps.newId()
  await deps.store.transaction((tx) =>
    tx.connectors.saveAccount({
      id,
      orgId: org.id,
      network,
      handle: identity.handle,
      networkUserId: identity.userId,
      secret: services.seal(JSON.stringify(credentials), `${org.id}:${network}`),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    }),
  )
  deps.log.info({ org: org.slug, network, handle: identity.handle }, 'network account connected')
  return { network, handle: identity.handle, connectedAt: existing?.createdAt ?? now }
}

export async function disconnectAccount(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  network: Network,
) {
  const org = await orgFor(deps.store.read, actor, orgSlug, 'org.manage')
  const gone = await deps.store.transaction((tx) => tx.connectors.deleteAccount(org.id, network))
  if (!gone) throw notFound('Account')
}

/** The organisation's connected accounts: network and handle only, never credentials. */
export async function listAccounts(deps: Deps, actor: Actor, orgSlug: string) {
  const org = await orgFor(deps.store.read, actor, orgSlug, 'org.view')
  return deps.store.read.connectors.listAccounts(org.id)
}

export interface NetworkSwitch {
  enabled: boolean
  /** Post published answers as replies to the original post. */
  answerBack: boolean
  /** Send 999/101 guidance as a reply to redirected posts. */
  redirectReplies: boolean
}

/** [N3] A host switches a network on (or off) for a chat; it needs a connected account. */
export async function switchNetwork(
  deps: Deps,
  actor: Actor,
  chatSlug: string,
  network: Network,
  input: NetworkSwitch,
) {
  const chat = await chatFor(deps.store.read, actor, chatSlug, 'chat.plan')
  if (input.enabled && !(await deps.store.read.connectors.findAccount(chat.orgId, network))) {
    throw conflict('network_not_connected', `Connect the organisation's ${network} account first.`)
  }
  const row = { chatId: chat.id, network, ...input, updatedAt: isoNow(deps) }
  await deps.store.transaction((tx) => tx.connectors.saveSwitch(row))
  return { network, ...input }
}

export type ConnectorState = 'off' | 'waiting' | 'connecting' | 'connected' | 'lagging' | 'failing'

/** [N10] What hosts see of each network for a chat: switched on?, and how the connector is doing. */
export async function connectorStates(deps: Deps, actor: Actor, chatSlug: string) {
  const chat = await chatFor(deps.store.read, actor, chatSlug, 'chat.view')
  const [switches, statuses, accounts] = await Promise.all([
    deps.store.read.connectors.switches(chat.id),
    deps.store.read.connectors.statuses(chat.id),
    deps.store.read.connectors.listAccounts(chat.orgId),
  ])
  const now = deps.now().getTime()
  return NETWORKS.map((network) => {
    const sw = switches.find((s) => s.network === network)
    const st = statuses.find((s) => s.network === network)
    const account = accounts.find((a) => a.network === network)
    let state: ConnectorState = 'off'
    let reason: string | null = null
    if (sw?.enabled) {
      if (!acceptsQuestions(chat, isoNow(deps))) state = 'waiting'
      else if (!st || st.state === 'off') state = 'connecting'
      else {
        state = st.state === 'connected' ? 'connected' : st.state
        reason = st.reason
        const heard = st.heardAt ? Date.parse(st.heardAt) : 0
        const behind = st.positionAt && st.heardAt ? heard - Date.parse(st.positionAt) : 0
        if (state === 'connected' && now - heard > SILENT_MS) {
          state = 'lagging'
          reason = `No news from ${network} for ${Math.round((now - heard) / 1000)} s.`
        } else if (state === 'connected' && behind > LAG_MS) {
          state = 'lagging'
          reason = `The ${network} stream is ${Math.round(behind / 1000)} s behind.`
        }
      }
    }
    return {
      network,
      account: account ? { handle: account.handle } : null,
      enabled: sw?.enabled ?? false,
      answerBack: sw?.answerBack ?? false,
      redirectReplies: sw?.redirectReplies ?? false,
      state,
      reason,
      heardAt: st?.heardAt ?? null,
    }
  })
}

/** An ingested post as connectors hand it over: a question plus what replying to it needs. */
export interface IncomingNetworkPost extends NetworkPost {
  source: Network
  postedAt: string
  ref: Record<string, unknown>
}

/**
 * [N1][Q11] Takes a network post with the chat's hashtag into the moderation queue, once. Posts
 * from before the intake window, or already deleted by their author, are left out.
 */
export async function takeNetworkPost(
  deps: Deps,
  chat: Chat,
  post: IncomingNetworkPost,
): Promise<Question | null> {
  if (post.postedAt < chat.opensAt || !acceptsQuestions(chat, isoNow(deps))) return null
  const repos = deps.store.read.connectors
  if (await repos.isDeleted(post.source, post.externalId)) return null
  await deps.store.transaction((tx) =>
    tx.connectors.saveInbound({ ...post, chatId: chat.id, ref: post.ref }),
  )
  const question = await ingestPost(deps, chat, post, `connector:${post.source}`)
  // A deletion that arrived between the check above and the commit found no question to remove;
  // one that arrives after this check finds the committed question. Either way it is honoured.
  if (question && (await repos.isDeleted(post.source, post.externalId))) {
    await honourDeletion(deps, post.source, post.externalId)
    return null
  }
  return question
}

/** [N4] The author deleted a post: its question leaves the queue and the public feed. */
export async function honourDeletion(
  deps: Deps,
  source: Network,
  externalId: string,
): Promise<Question | null> {
  await deps.store.transaction((tx) =>
    tx.connectors.recordDeletion(source, externalId, isoNow(deps)),
  )
  const q = await deps.store.read.questions.findByExternal(source, externalId)
  if (!q) return null
  const { result } = await changeChat(deps, q.chatId, `connector:${source}`, async (tx) => {
    const current = await tx.questions.findById(q.id)
    const change = current && deleteAtSource(current, isoNow(deps))
    if (!change) return { result: null, events: [] }
    await tx.questions.update(change.question)
    return { result: change.question, events: change.events }
  })
  return result
}

/** [N9] The posts made on networks for an answer (staff): network, link and part of the thread. */
export async function answerNetworkPosts(deps: Deps, actor: Actor, answerId: string) {
  const answer = await deps.store.read.answers.findById(answerId)
  const chat = answer && (await deps.store.read.chats.findById(answer.chatId))
  if (!answer || !chat) throw notFound('Answer')
  await chatFor(deps.store.read, actor, chat.slug, 'chat.view')
  const posts = await deps.store.read.connectors.posts(answer.questionId)
  return posts.map((p) => ({
    network: p.network,
    kind: p.kind,
    part: p.part,
    externalId: p.externalId,
    url: p.url,
    postedAt: p.postedAt,
  }))
}
