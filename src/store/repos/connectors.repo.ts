import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'
import type { AudienceTables } from '../schema-audience.ts'
import type { ConnectorTables } from '../schema-connectors.ts'
import type { ReachRow } from './reports.repo.ts'

export interface ConnectorAccountRow {
  id: string
  orgId: string
  network: string
  handle: string
  networkUserId: string
  secret: string
  createdAt: string
  updatedAt: string
}

export interface ChatNetworkRow {
  chatId: string
  network: string
  enabled: boolean
  answerBack: boolean
  redirectReplies: boolean
  updatedAt: string
}

export interface ConnectorStatusRow {
  chatId: string
  network: string
  state: 'off' | 'connecting' | 'connected' | 'failing'
  reason: string | null
  heardAt: string | null
  positionAt: string | null
  updatedAt: string
}

export interface OutgoingPostRow {
  id: string
  chatId: string
  questionId: string
  answerId: string | null
  network: string
  kind: 'answer' | 'redirect'
  part: number
  externalId: string
  url: string | null
  ref: Record<string, unknown>
  postedAt: string
  reachUntil: string
}

/** The latest totals for one post, as a connector reads them (`at`: when). */
export type ReachCount = Omit<ReachRow, 'updatedAt'> & { at: string }

const toPost = (r: ConnectorTables['connector_posts']): OutgoingPostRow => ({
  id: r.id,
  chatId: r.chat_id,
  questionId: r.question_id,
  answerId: r.answer_id,
  network: r.network,
  kind: r.kind as OutgoingPostRow['kind'],
  part: Number(r.part),
  externalId: r.external_id,
  url: r.url,
  ref: JSON.parse(r.ref),
  postedAt: r.posted_at,
  reachUntil: r.reach_until,
})

type Tables = ConnectorTables & AudienceTables
// A mapped type, not an interface, so Kysely's `withTables` accepts it.
type Extra = { [K in keyof Tables]: Tables[K] }

/** Accounts, switches, cursors, health and every post in and out of the social networks. */
export const connectorsRepo = (base: Kysely<Database>) => {
  const db = base.withTables<Extra>()
  return {
    async saveAccount(a: ConnectorAccountRow): Promise<void> {
      const changes = {
        handle: a.handle,
        network_user_id: a.networkUserId,
        secret: a.secret,
        updated_at: a.updatedAt,
      }
      await db
        .insertInto('connector_accounts')
        .values({
          id: a.id,
          org_id: a.orgId,
          network: a.network,
          created_at: a.createdAt,
          ...changes,
        })
        .onConflict((oc) => oc.columns(['org_id', 'network']).doUpdateSet(changes))
        .execute()
    },

    async findAccount(orgId: string, network: string): Promise<ConnectorAccountRow | undefined> {
      const r = await db
        .selectFrom('connector_accounts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('network', '=', network)
        .executeTakeFirst()
      return (
        r && {
          id: r.id,
          orgId: r.org_id,
          network: r.network,
          handle: r.handle,
          networkUserId: r.network_user_id,
          secret: r.secret,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        }
      )
    },

    /** The organisation's accounts without their sealed credentials. */
    async listAccounts(orgId: string) {
      const rows = await db
        .selectFrom('connector_accounts')
        .select(['network', 'handle', 'created_at', 'updated_at'])
        .where('org_id', '=', orgId)
        .orderBy('network')
        .execute()
      return rows.map((r) => ({
        network: r.network,
        handle: r.handle,
        connectedAt: r.created_at,
        updatedAt: r.updated_at,
      }))
    },

    async deleteAccount(orgId: string, network: string): Promise<boolean> {
      const r = await db
        .deleteFrom('connector_accounts')
        .where('org_id', '=', orgId)
        .where('network', '=', network)
        .executeTakeFirst()
      return Number(r.numDeletedRows) > 0
    },

    async saveSwitch(s: ChatNetworkRow): Promise<void> {
      const changes = {
        enabled: s.enabled ? 1 : 0,
        answer_back: s.answerBack ? 1 : 0,
        redirect_replies: s.redirectReplies ? 1 : 0,
        updated_at: s.updatedAt,
      }
      await db
        .insertInto('chat_networks')
        .values({ chat_id: s.chatId, network: s.network, ...changes })
        .onConflict((oc) => oc.columns(['chat_id', 'network']).doUpdateSet(changes))
        .execute()
    },

    async switches(chatId: string): Promise<ChatNetworkRow[]> {
      const rows = await db
        .selectFrom('chat_networks')
        .selectAll()
        .where('chat_id', '=', chatId)
        .orderBy('network')
        .execute()
      return rows.map((r) => ({
        chatId: r.chat_id,
        network: r.network,
        enabled: Boolean(r.enabled),
        answerBack: Boolean(r.answer_back),
        redirectReplies: Boolean(r.redirect_replies),
        updatedAt: r.updated_at,
      }))
    },

    /** Chats with a network switched on that are open, live, or closed since `closedSince`. */
    async chatsWithNetworks(closedSince: string): Promise<string[]> {
      const rows = await db
        .selectFrom('chat_networks')
        .innerJoin('chats', 'chats.id', 'chat_networks.chat_id')
        .select('chats.id')
        .distinct()
        .where('chat_networks.enabled', '=', 1)
        .where((e) =>
          e.or([
            e('chats.state', 'in', ['scheduled', 'live']),
            e.and([e('chats.state', '=', 'closed'), e('chats.ends_at', '>=', closedSince)]),
          ]),
        )
        .execute()
      return rows.map((r) => r.id)
    },

    async cursor(chatId: string, stream: string): Promise<string | null> {
      const r = await db
        .selectFrom('connector_cursors')
        .select('cursor')
        .where('chat_id', '=', chatId)
        .where('stream', '=', stream)
        .executeTakeFirst()
      return r?.cursor ?? null
    },

    async saveCursor(chatId: string, stream: string, cursor: string, at: string): Promise<void> {
      await db
        .insertInto('connector_cursors')
        .values({ chat_id: chatId, stream, cursor, updated_at: at })
        .onConflict((oc) =>
          oc.columns(['chat_id', 'stream']).doUpdateSet({ cursor, updated_at: at }),
        )
        .execute()
    },

    async saveStatus(s: ConnectorStatusRow): Promise<void> {
      const changes = {
        state: s.state,
        reason: s.reason,
        heard_at: s.heardAt,
        position_at: s.positionAt,
        updated_at: s.updatedAt,
      }
      await db
        .insertInto('connector_status')
        .values({ chat_id: s.chatId, network: s.network, ...changes })
        .onConflict((oc) => oc.columns(['chat_id', 'network']).doUpdateSet(changes))
        .execute()
    },

    async statuses(chatId: string): Promise<ConnectorStatusRow[]> {
      const rows = await db
        .selectFrom('connector_status')
        .selectAll()
        .where('chat_id', '=', chatId)
        .execute()
      return rows.map((r) => ({
        chatId: r.chat_id,
        network: r.network,
        state: r.state as ConnectorStatusRow['state'],
        reason: r.reason,
        heardAt: r.heard_at,
        positionAt: r.position_at,
        updatedAt: r.updated_at,
      }))
    },

    /** Remembers how to reply to an ingested post; seeing it again changes nothing. */
    async saveInbound(i: {
      source: string
      externalId: string
      chatId: string
      ref: Record<string, unknown>
      postedAt: string
    }): Promise<void> {
      await db
        .insertInto('connector_inbound')
        .values({
          source: i.source,
          external_id: i.externalId,
          chat_id: i.chatId,
          ref: JSON.stringify(i.ref),
          posted_at: i.postedAt,
        })
        .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
        .execute()
    },

    async inboundRef(source: string, externalId: string) {
      const r = await db
        .selectFrom('connector_inbound')
        .select('ref')
        .where('source', '=', source)
        .where('external_id', '=', externalId)
        .executeTakeFirst()
      return r ? (JSON.parse(r.ref) as Record<string, unknown>) : null
    },

    /** Ingested posts of a chat whose questions are still in the queue or on the feed. */
    async liveInbound(chatId: string, source: string) {
      const rows = await db
        .selectFrom('connector_inbound')
        .innerJoin('questions', (j) =>
          j
            .onRef('questions.source', '=', 'connector_inbound.source')
            .onRef('questions.external_id', '=', 'connector_inbound.external_id'),
        )
        .select(['connector_inbound.external_id', 'connector_inbound.ref'])
        .where('connector_inbound.chat_id', '=', chatId)
        .where('connector_inbound.source', '=', source)
        .where('questions.state', 'in', ['pending', 'approved', 'answered'])
        .execute()
      return rows.map((r) => ({ externalId: r.external_id, ref: JSON.parse(r.ref) }))
    },

    async recordDeletion(source: string, externalId: string, at: string): Promise<void> {
      await db
        .insertInto('connector_deletions')
        .values({ source, external_id: externalId, deleted_at: at })
        .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
        .execute()
    },

    async isDeleted(source: string, externalId: string): Promise<boolean> {
      const r = await db
        .selectFrom('connector_deletions')
        .select('source')
        .where('source', '=', source)
        .where('external_id', '=', externalId)
        .executeTakeFirst()
      return Boolean(r)
    },

    async recordPost(p: OutgoingPostRow): Promise<void> {
      await db
        .insertInto('connector_posts')
        .values({
          id: p.id,
          chat_id: p.chatId,
          question_id: p.questionId,
          answer_id: p.answerId,
          network: p.network,
          kind: p.kind,
          part: p.part,
          external_id: p.externalId,
          url: p.url,
          ref: JSON.stringify(p.ref),
          posted_at: p.postedAt,
          reach_until: p.reachUntil,
        })
        .execute()
    },

    /** What was already posted for a question on a network, part by part. */
    async posts(questionId: string, network?: string, kind?: string): Promise<OutgoingPostRow[]> {
      let q = db.selectFrom('connector_posts').selectAll().where('question_id', '=', questionId)
      if (network) q = q.where('network', '=', network)
      if (kind) q = q.where('kind', '=', kind)
      return (await q.orderBy('network').orderBy('kind').orderBy('part').execute()).map(toPost)
    },

    async postsByAnswer(answerId: string): Promise<OutgoingPostRow[]> {
      const rows = await db
        .selectFrom('connector_posts')
        .selectAll()
        .where('answer_id', '=', answerId)
        .orderBy('network')
        .orderBy('part')
        .execute()
      return rows.map(toPost)
    },

    /** A chat's answer posts on a network whose reach is still being counted. */
    async postsForReach(chatId: string, network: string, now: string) {
      const rows = await db
        .selectFrom('connector_posts')
        .selectAll()
        .where('chat_id', '=', chatId)
        .where('network', '=', network)
        .where('kind', '=', 'answer')
        .where('reach_until', '>', now)
        .execute()
      return rows.map(toPost)
    },

    /** Writes the latest counts for one post into the reports' `network_reach` table. */
    async saveReach(r: ReachCount): Promise<void> {
      const counts = { reposts: r.reposts, likes: r.likes, replies: r.replies, updated_at: r.at }
      await db
        .insertInto('network_reach')
        .values({
          network: r.network,
          post_id: r.postId,
          chat_id: r.chatId,
          answer_id: r.answerId,
          post_url: r.postUrl,
          ...counts,
        })
        .onConflict((oc) => oc.columns(['network', 'post_id']).doUpdateSet(counts))
        .execute()
    },
  }
}
