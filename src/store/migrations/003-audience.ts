import type { Kysely } from 'kysely'

/**
 * Audience and reach, for chat reports (docs/report.md). Counted, not logged: one row per process
 * per chat per minute for live viewers, one per page per visitor per day for page views, one per
 * network post for reach. None of this goes in `chat_events`: being looked at is not a change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audience_viewers')
    .addColumn('chat_id', 'text', (c) => c.notNull().references('chats.id'))
    .addColumn('process_id', 'text', (c) => c.notNull())
    // ISO-8601 UTC, truncated to the minute
    .addColumn('minute', 'text', (c) => c.notNull())
    .addColumn('viewers', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('audience_viewers_pk', ['chat_id', 'process_id', 'minute'])
    .execute()

  await db.schema
    .createTable('audience_page_views')
    .addColumn('chat_id', 'text', (c) => c.notNull().references('chats.id'))
    .addColumn('page', 'text', (c) => c.notNull())
    // the chat's id for the live page, the answer's id for an answer's permanent page
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    // a hash of the visitor key salted with the day: countable within a day, unlinkable across days
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('audience_page_views_pk', ['page', 'item_id', 'day', 'visitor'])
    .execute()
  await db.schema
    .createIndex('audience_page_views_chat')
    .on('audience_page_views')
    .columns(['chat_id', 'page'])
    .execute()

  await db.schema
    .createTable('network_reach')
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull().references('chats.id'))
    .addColumn('answer_id', 'text', (c) => c.references('answers.id'))
    .addColumn('post_url', 'text')
    .addColumn('reposts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_reach_pk', ['network', 'post_id'])
    .execute()
  await db.schema.createIndex('network_reach_chat').on('network_reach').column('chat_id').execute()
}
