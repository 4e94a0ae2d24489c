import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export interface SessionRecord {
  userId: string
  name: string
  email: string
  csrfToken: string
  expiresAt: string
}

export const sessionsRepo = (db: Kysely<Database>) => ({
  async insert(s: {
    idHash: string
    userId: string
    csrfToken: string
    createdAt: string
    expiresAt: string
  }) {
    await db
      .insertInto('sessions')
      .values({
        id_hash: s.idHash,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
      })
      .execute()
  },

  async find(idHash: string, now: string): Promise<SessionRecord | undefined> {
    const r = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.user_id',
        'sessions.csrf_token',
        'sessions.expires_at',
        'users.name',
        'users.email',
      ])
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst()
    return (
      r && {
        userId: r.user_id,
        name: r.name,
        email: r.email,
        csrfToken: r.csrf_token,
        expiresAt: r.expires_at,
      }
    )
  },

  async delete(idHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
  },

  async deleteExpired(now: string): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
  },
})
