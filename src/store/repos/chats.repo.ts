import type { Kysely, Selectable } from 'kysely'
import type { Chat, ChatState } from '../../domain/types.ts'
import type { Database } from '../schema.ts'

type Row = Selectable<Database['chats']>

const columns = (c: Chat) => ({
  slug: c.slug,
  title: c.title,
  theme: c.theme,
  hashtag: c.hashtag,
  description: c.description,
  opens_at: c.opensAt,
  starts_at: c.startsAt,
  ends_at: c.endsAt,
  state: c.state,
  updated_at: c.updatedAt,
})

export const chatsRepo = (db: Kysely<Database>) => {
  async function hydrate(rows: Row[]): Promise<Chat[]> {
    if (rows.length === 0) return []
    const experts = await db
      .selectFrom('chat_experts')
      .select(['chat_id', 'user_id'])
      .where(
        'chat_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('user_id')
      .execute()
    return rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      slug: r.slug,
      title: r.title,
      theme: r.theme,
      hashtag: r.hashtag,
      description: r.description,
      opensAt: r.opens_at,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      state: r.state as ChatState,
      experts: experts.filter((e) => e.chat_id === r.id).map((e) => e.user_id),
      lastSeq: Number(r.last_seq),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }))
  }

  return {
    async insert(c: Chat): Promise<void> {
      await db
        .insertInto('chats')
        .values({ id: c.id, org_id: c.orgId, created_at: c.createdAt, last_seq: 0, ...columns(c) })
        .execute()
    },

    async update(c: Chat): Promise<void> {
      await db.updateTable('chats').set(columns(c)).where('id', '=', c.id).execute()
    },

    async setExperts(chatId: string, userIds: string[]): Promise<void> {
      await db.deleteFrom('chat_experts').where('chat_id', '=', chatId).execute()
      if (userIds.length === 0) return
      await db
        .insertInto('chat_experts')
        .values(userIds.map((user_id) => ({ chat_id: chatId, user_id })))
        .execute()
    },

    async findBySlug(slug: string): Promise<Chat | undefined> {
      const rows = await db.selectFrom('chats').selectAll().where('slug', '=', slug).execute()
      return (await hydrate(rows))[0]
    },

    async findById(id: string): Promise<Chat | undefined> {
      const rows = await db.selectFrom('chats').selectAll().where('id', '=', id).execute()
      return (await hydrate(rows))[0]
    },

    async listByOrg(orgId: string, states?: ChatState[]): Promise<Chat[]> {
      let q = db.selectFrom('chats').selectAll().where('org_id', '=', orgId)
      if (states) q = q.where('state', 'in', states)
      return hydrate(await q.orderBy('starts_at', 'desc').execute())
    },

    /** Chats the clock may need to move: scheduled ones due to start, live ones due to close. */
    async listDue(now: string): Promise<Chat[]> {
      const rows = await db
        .selectFrom('chats')
        .selectAll()
        .where((e) =>
          e.or([
            e.and([e('state', '=', 'scheduled'), e('starts_at', '<=', now)]),
            e.and([e('state', '=', 'live'), e('ends_at', '<=', now)]),
          ]),
        )
        .execute()
      return hydrate(rows)
    },

    async slugTaken(slug: string): Promise<boolean> {
      const r = await db
        .selectFrom('chats')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst()
      return r !== undefined
    },
  }
}
