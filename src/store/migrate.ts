import { type Kysely, type Migration, Migrator } from 'kysely'
import * as initial from './migrations/001-initial.ts'
import * as approvedReplies from './migrations/002-approved-replies.ts'
import * as audience from './migrations/003-audience.ts'
import * as connectors from './migrations/004-connectors.ts'

const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-approved-replies': approvedReplies,
  '003-audience': audience,
  '004-connectors': connectors,
}

/**
 * Brings the schema up to date; fails loudly rather than serving on a half-migrated database.
 * `schema` (PostgreSQL) keeps Kysely's bookkeeping tables beside ours when other schemas have some.
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) throw error
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
