import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { fixedQuery } from './fixed-query.ts'
import { migrateToLatest } from './migrate.ts'
import type { Database } from './schema.ts'

async function database() {
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
  })
  await migrateToLatest(db as Kysely<unknown>)
  for (const id of ['org-a', 'org-b']) {
    await db
      .insertInto('organisations')
      .values({
        id,
        slug: id,
        name: `Name of ${id}`,
        time_zone: 'UTC',
        logo_url: null,
        brand_colour: '#000000',
        emergency_guidance: 'Call 999.',
        created_at: '2026-12-01T00:00:00.000Z',
      })
      .execute()
  }
  return db
}

describe('fixedQuery', () => {
  it('compiles once and binds each call its own values', async () => {
    const db = await database()
    const name = fixedQuery((q, v: { slug: string }) =>
      q.selectFrom('organisations').select('name').where('slug', '=', v.slug),
    )
    const rename = fixedQuery((q, v: { slug: string; name: string }) =>
      q.updateTable('organisations').set({ name: v.name }).where('slug', '=', v.slug),
    )
    assert.equal((await name(db, 'sqlite', { slug: 'org-a' })).rows[0]?.name, 'Name of org-a')
    assert.equal((await name(db, 'sqlite', { slug: 'org-b' })).rows[0]?.name, 'Name of org-b')
    assert.equal((await name(db, 'sqlite', { slug: 'org-c' })).rows.length, 0)
    const r = await rename(db, 'sqlite', { slug: 'org-b', name: 'Renamed' })
    assert.equal(r.numAffectedRows, 1n)
    assert.equal((await name(db, 'sqlite', { slug: 'org-a' })).rows[0]?.name, 'Name of org-a')
    assert.equal((await name(db, 'sqlite', { slug: 'org-b' })).rows[0]?.name, 'Renamed')
    await db.destroy()
  })

  it('refuses a query that does not bind every value as a parameter', async () => {
    const db = await database()
    // A value spliced into the SQL text would be frozen into the first compilation.
    const frozen = fixedQuery((q, v: { slug: string; id: string }) =>
      q.selectFrom('organisations').select('name').where('slug', '=', v.slug),
    )
    await assert.rejects(frozen(db, 'sqlite', { slug: 'org-a', id: 'org-a' }), /id not bound/)
    await db.destroy()
  })
})
