import type { Kysely } from 'kysely'
import type { Role } from '../../domain/types.ts'
import type { Database } from '../schema.ts'

export interface TokenRecord {
  kind: 'setup' | 'invite'
  orgId: string | null
  email: string | null
  role: Role | null
  expiresAt: string
}

export const tokensRepo = (db: Kysely<Database>) => ({
  async insert(hash: string, t: TokenRecord, now: string): Promise<void> {
    await db
      .insertInto('tokens')
      .values({
        token_hash: hash,
        kind: t.kind,
        org_id: t.orgId,
        email: t.email,
        role: t.role,
        created_at: now,
        expires_at: t.expiresAt,
        used_at: null,
      })
      .execute()
  },

  /** Marks an unused, unexpired token used and returns it; a second caller gets nothing. */
  async consume(hash: string, now: string): Promise<TokenRecord | undefined> {
    const r = await db
      .updateTable('tokens')
      .set({ used_at: now })
      .where('token_hash', '=', hash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst()
    return (
      r && {
        kind: r.kind as TokenRecord['kind'],
        orgId: r.org_id,
        email: r.email,
        role: r.role as Role | null,
        expiresAt: r.expires_at,
      }
    )
  },

  async revokeSetup(now: string): Promise<void> {
    await db
      .updateTable('tokens')
      .set({ used_at: now })
      .where('kind', '=', 'setup')
      .where('used_at', 'is', null)
      .execute()
  },
})
