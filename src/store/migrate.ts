import { type Kysely, type Migration, Migrator } from 'kysely'
import * as initial from './migrations/001-initial.ts'

const migrations: Record<string, Migration> = { '001-initial': initial }

/** Brings the schema up to date; fails loudly rather than serving on a half-migrated database. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) throw error
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
