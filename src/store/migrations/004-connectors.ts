import { type Kysely, sql } from 'kysely'

/**
 * Social-network connectors (docs/connectors.md): accounts with sealed credentials, per-chat
 * switches, stream cursors, connector health, what replying to an ingested post needs, deletions
 * seen, and every post the organisation made. Reach counts go in `network_reach` (migration 003).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const network = sql`network in ('bluesky', 'mastodon', 'x')`
  await db.schema
    .createTable('connector_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('network', 'text', (c) => c.notNull().check(network))
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('network_user_id', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('connector_accounts_org_network', ['org_id', 'network'])
    .execute()

  await db.schema
    .createTable('chat_networks')
    .addColumn('chat_id', 'text', (c) => c.notNull().references('chats.id'))
    .addColumn('network', 'text', (c) => c.notNull().check(network))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('answer_back', 'integer', (c) => c.notNull())
    .addColumn('redirect_replies', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_networks_pk', ['chat_id', 'network'])
    .execute()

  await db.schema
    .createTable('connector_cursors')
    .addColumn('chat_id', 'text', (c) => c.notNull().references('chats.id'))
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('connector_cursors_pk', ['chat_id', 'stream'])
    .execute()

  await db.schema
    .createTable('connector_status')
    .addColumn('chat_id', 'text', (c) => c.notNull().references('chats.id'))
    .addColumn('network', 'text', (c) => c.notNull().check(network))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('off', 'connecting', 'connected', 'failing')`),
    )
    .addColumn('reason', 'text')
    .addColumn('heard_at', 'text')
    .addColumn('position_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('connector_status_pk', ['chat_id', 'network'])
    .execute()

  await db.schema
    .createTable('connector_inbound')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull().references('chats.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('connector_inbound_pk', ['source', 'external_id'])
    .execute()

  await db.schema
    .createTable('connector_deletions')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('connector_deletions_pk', ['source', 'external_id'])
    .execute()

  await db.schema
    .createTable('connector_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('chat_id', 'text', (c) => c.notNull().references('chats.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
    .addColumn('answer_id', 'text', (c) => c.references('answers.id'))
    .addColumn('network', 'text', (c) => c.notNull().check(network))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('answer', 'redirect')`))
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addColumn('reach_until', 'text', (c) => c.notNull())
    .addUniqueConstraint('connector_posts_external', ['network', 'external_id'])
    .addUniqueConstraint('connector_posts_part', ['question_id', 'network', 'kind', 'part'])
    .execute()
  await db.schema
    .createIndex('connector_posts_reach')
    .on('connector_posts')
    .columns(['reach_until'])
    .execute()
}
