import type { Kysely } from 'kysely'
import type { Source } from '../../domain/types.ts'
import type { Database } from '../schema.ts'
import type { AudienceTables } from '../schema-audience.ts'

/** A question as a report needs it: no original words, and the asker only as an identity key. */
export interface ReportQuestion {
  id: string
  source: Source
  /** Who asked: the visitor key for the web, the network handle for posts; null if neither. */
  askerKey: string | null
  publicText: string
  kind: string
  thanks: boolean
  state: string
  rejectReason: string | null
  mergedInto: string | null
  votes: number
  receivedAt: string
}

export interface ViewerSample {
  chatId: string
  processId: string
  minute: string
  viewers: number
}

export interface PageViewCount {
  chatId: string
  page: 'live' | 'answer'
  itemId: string
  day: string
  visitor: string
  views: number
}

export interface ReachRow {
  network: string
  postId: string
  chatId: string
  answerId: string | null
  postUrl: string | null
  reposts: number
  likes: number
  replies: number
  updatedAt: string
}

const n = (v: unknown) => Number(v ?? 0)

/** Reads for chat reports and writes for the audience recorder and connectors' reach figures. */
export const reportsRepo = (base: Kysely<Database>) => {
  const db = base.withTables<AudienceTables>()
  return {
    async questions(chatId: string): Promise<ReportQuestion[]> {
      const rows = await db
        .selectFrom('questions')
        .select([
          'id',
          'source',
          'visitor_key',
          'author_name',
          'public_text',
          'kind',
          'thanks',
          'state',
          'reject_reason',
          'merged_into',
          'votes',
          'received_at',
        ])
        .where('chat_id', '=', chatId)
        .orderBy('received_at')
        .orderBy('id')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        source: r.source as Source,
        askerKey: r.visitor_key
          ? `visitor:${r.visitor_key}`
          : r.author_name && r.source !== 'web'
            ? `${r.source}:${r.author_name.toLowerCase()}`
            : null,
        publicText: r.public_text,
        kind: r.kind,
        thanks: Boolean(r.thanks),
        state: r.state,
        rejectReason: r.reject_reason,
        mergedInto: r.merged_into,
        votes: n(r.votes),
        receivedAt: r.received_at,
      }))
    },

    /** Every question's words in the chat, only to keep them out of public reasons. */
    async questionTexts(chatId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('questions')
        .select(['text', 'public_text'])
        .where('chat_id', '=', chatId)
        .execute()
      return rows.flatMap((r) => [r.text, r.public_text])
    },

    /** Events of the given types, oldest first, with their data parsed. */
    async events(
      chatId: string,
      types: string[],
    ): Promise<Array<{ type: string; actor: string; at: string; data: unknown }>> {
      const rows = await db
        .selectFrom('chat_events')
        .select(['type', 'actor', 'at', 'data'])
        .where('chat_id', '=', chatId)
        .where('type', 'in', types)
        .orderBy('seq')
        .execute()
      return rows.map((r) => ({ type: r.type, actor: r.actor, at: r.at, data: JSON.parse(r.data) }))
    },

    /** Upvote clicks (the visitors' own `question.voted` events), thanks clicks, distinct voters. */
    async reactions(chatId: string): Promise<{ upvotes: number; thanks: number; voters: number }> {
      const counts = await db
        .selectFrom('chat_events')
        .select(['type', (e) => e.fn.countAll<number>().as('n')])
        .where('chat_id', '=', chatId)
        .where((e) =>
          e.or([
            e.and([e('type', '=', 'question.voted'), e('actor', 'like', 'visitor:%')]),
            e('type', '=', 'answer.thanked'),
          ]),
        )
        .groupBy('type')
        .execute()
      const voters = await db
        .selectFrom('question_votes')
        .innerJoin('questions', 'questions.id', 'question_votes.question_id')
        .select((e) => e.fn.count<number>('question_votes.visitor_key').distinct().as('n'))
        .where('questions.chat_id', '=', chatId)
        .executeTakeFirst()
      const of = (type: string) => n(counts.find((c) => c.type === type)?.n)
      return { upvotes: of('question.voted'), thanks: of('answer.thanked'), voters: n(voters?.n) }
    },

    /** The minute with the most live viewers, summed over processes; null if none was recorded. */
    async peakViewers(chatId: string): Promise<{ minute: string; viewers: number } | null> {
      const r = await db
        .selectFrom('audience_viewers')
        .select(['minute', (e) => e.fn.sum<number>('viewers').as('total')])
        .where('chat_id', '=', chatId)
        .groupBy('minute')
        .orderBy('total', 'desc')
        .orderBy('minute')
        .limit(1)
        .executeTakeFirst()
      return r ? { minute: r.minute, viewers: n(r.total) } : null
    },

    /** Views and distinct visitor-days per item of one kind of page. */
    async pageViews(
      chatId: string,
      page: 'live' | 'answer',
    ): Promise<Array<{ itemId: string; views: number; visitors: number }>> {
      const rows = await db
        .selectFrom('audience_page_views')
        .select([
          'item_id',
          (e) => e.fn.sum<number>('views').as('views'),
          (e) => e.fn.countAll<number>().as('visitors'),
        ])
        .where('chat_id', '=', chatId)
        .where('page', '=', page)
        .groupBy('item_id')
        .execute()
      return rows.map((r) => ({ itemId: r.item_id, views: n(r.views), visitors: n(r.visitors) }))
    },

    async reach(chatId: string): Promise<ReachRow[]> {
      const rows = await db
        .selectFrom('network_reach')
        .selectAll()
        .where('chat_id', '=', chatId)
        .orderBy('network')
        .orderBy('post_id')
        .execute()
      return rows.map((r) => ({
        network: r.network,
        postId: r.post_id,
        chatId: r.chat_id,
        answerId: r.answer_id,
        postUrl: r.post_url,
        reposts: n(r.reposts),
        likes: n(r.likes),
        replies: n(r.replies),
        updatedAt: r.updated_at,
      }))
    },

    /** Keeps the highest viewer count seen per process, chat and minute. */
    async recordViewers(samples: ViewerSample[]): Promise<void> {
      if (samples.length === 0) return
      await db
        .insertInto('audience_viewers')
        .values(
          samples.map((s) => ({
            chat_id: s.chatId,
            process_id: s.processId,
            minute: s.minute,
            viewers: s.viewers,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['chat_id', 'process_id', 'minute']).doUpdateSet((e) => ({
            viewers: e
              .case()
              .when('excluded.viewers', '>', e.ref('audience_viewers.viewers'))
              .then(e.ref('excluded.viewers'))
              .else(e.ref('audience_viewers.viewers'))
              .end(),
          })),
        )
        .execute()
    },

    /** Adds batched page views to their visitor-day counters. */
    async recordPageViews(counts: PageViewCount[]): Promise<void> {
      if (counts.length === 0) return
      await db
        .insertInto('audience_page_views')
        .values(
          counts.map((c) => ({
            chat_id: c.chatId,
            page: c.page,
            item_id: c.itemId,
            day: c.day,
            visitor: c.visitor,
            views: c.views,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['page', 'item_id', 'day', 'visitor']).doUpdateSet((e) => ({
            views: e('audience_page_views.views', '+', e.ref('excluded.views')),
          })),
        )
        .execute()
    },
  }
}
