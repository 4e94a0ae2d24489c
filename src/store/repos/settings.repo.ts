import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export const settingsRepo = (db: Kysely<Database>) => ({
  async get(key: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('instance_settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst()
    return r?.value
  },

  /** Stores `value` unless the key is already set, and returns whichever value won. */
  async getOrInit(key: string, value: string): Promise<string> {
    await db
      .insertInto('instance_settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    const r = await db
      .selectFrom('instance_settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow()
    return r.value
  },
})
