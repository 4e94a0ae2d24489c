import type { Insertable, Kysely } from 'kysely'
import type { ChatEvent, EventDraft, Visibility } from '../../domain/events.ts'
import { fixedQuery } from '../fixed-query.ts'
import type { Database } from '../schema.ts'
import type { Store } from '../store.ts'

const bumpSeq = fixedQuery((db, v: { chatId: string; n: number }) =>
  db
    .updateTable('chats')
    .set((e) => ({ last_seq: e('last_seq', '+', v.n) }))
    .where('id', '=', v.chatId)
    .returning('last_seq'),
)

const insertEvent = fixedQuery((db, v: Insertable<Database['chat_events']>) =>
  db.insertInto('chat_events').values(v),
)

export const eventsRepo = (db: Kysely<Database>, dialect: Store['dialect']) => ({
  /**
   * Takes the chat's row lock until the transaction ends, so changes to one chat run one at a
   * time and each sees the last one's writes. A no-op UPDATE rather than `SELECT … FOR UPDATE`,
   * so that it reads the same on both dialects. SQLite needs none: its transactions begin
   * IMMEDIATE and hold the database's one write lock (sqlite-batch.ts).
   */
  async lock(chatId: string): Promise<void> {
    if (dialect === 'sqlite') return
    await db
      .updateTable('chats')
      .set((e) => ({ last_seq: e.ref('last_seq') }))
      .where('id', '=', chatId)
      .execute()
  },

  /**
   * Appends events to a chat's log, numbered after its last one. Bumping `chats.last_seq` takes the
   * chat's row lock, so concurrent writers to one chat queue up and seq has no gaps or repeats.
   */
  async append(
    chatId: string,
    drafts: EventDraft[],
    actor: string,
    at: string,
  ): Promise<ChatEvent[]> {
    if (drafts.length === 0) return []
    const bumped = (await bumpSeq(db, dialect, { chatId, n: drafts.length })).rows[0]
    if (!bumped) throw new Error(`chat ${chatId} vanished while its log was appended to`)
    const first = Number(bumped.last_seq) - drafts.length + 1
    const events = drafts.map((d, i) => ({ ...d, chatId, seq: first + i, actor, at }) as ChatEvent)
    for (const e of events) {
      await insertEvent(db, dialect, {
        chat_id: chatId,
        seq: e.seq,
        type: e.type,
        visibility: e.visibility,
        data: JSON.stringify(e.data),
        actor,
        at,
      })
    }
    return events
  },

  /** Events after `seq`, oldest first; only public ones when `visibility` is 'public'. */
  async after(
    chatId: string,
    seq: number,
    visibility: Visibility | 'all',
    limit = 1000,
  ): Promise<ChatEvent[]> {
    let q = db
      .selectFrom('chat_events')
      .selectAll()
      .where('chat_id', '=', chatId)
      .where('seq', '>', seq)
    if (visibility === 'public') q = q.where('visibility', '=', 'public')
    const rows = await q.orderBy('seq').limit(limit).execute()
    return rows.map(
      (r) =>
        ({
          chatId: r.chat_id,
          seq: Number(r.seq),
          type: r.type,
          visibility: r.visibility,
          data: JSON.parse(r.data),
          actor: r.actor,
          at: r.at,
        }) as ChatEvent,
    )
  },

  async lastSeq(chatId: string): Promise<number> {
    const r = await db
      .selectFrom('chats')
      .select('last_seq')
      .where('id', '=', chatId)
      .executeTakeFirst()
    return Number(r?.last_seq ?? 0)
  },
})
