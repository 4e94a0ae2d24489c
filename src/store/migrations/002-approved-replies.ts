import type { Kysely } from 'kysely'

/** The library of approved replies an organisation's experts start their answers from. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('approved_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('approved_replies_org')
    .on('approved_replies')
    .columns(['org_id', 'title'])
    .execute()
}
