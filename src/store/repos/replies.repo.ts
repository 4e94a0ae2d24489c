import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../schema.ts'

/** A canned answer an expert may start from ("we can't go into detail for operational reasons…"). */
export interface ApprovedReply {
  id: string
  orgId: string
  title: string
  body: string
  createdAt: string
  updatedAt: string
}

const toReply = (r: Selectable<Database['approved_replies']>): ApprovedReply => ({
  id: r.id,
  orgId: r.org_id,
  title: r.title,
  body: r.body,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export const repliesRepo = (db: Kysely<Database>) => ({
  async list(orgId: string): Promise<ApprovedReply[]> {
    const rows = await db
      .selectFrom('approved_replies')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('title')
      .execute()
    return rows.map(toReply)
  },

  async find(orgId: string, id: string): Promise<ApprovedReply | undefined> {
    const r = await db
      .selectFrom('approved_replies')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst()
    return r && toReply(r)
  },

  async save(r: ApprovedReply): Promise<void> {
    await db
      .insertInto('approved_replies')
      .values({
        id: r.id,
        org_id: r.orgId,
        title: r.title,
        body: r.body,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ title: r.title, body: r.body, updated_at: r.updatedAt }),
      )
      .execute()
  },

  async delete(orgId: string, id: string): Promise<void> {
    await db
      .deleteFrom('approved_replies')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute()
  },
})
