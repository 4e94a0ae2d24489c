import type { Kysely } from 'kysely'
import type { Role } from '../../domain/types.ts'
import type { Database } from '../schema.ts'

export interface User {
  id: string
  email: string
  name: string
  passwordHash: string
  createdAt: string
}

export interface Member {
  userId: string
  email: string
  name: string
  role: Role
}

export const usersRepo = (db: Kysely<Database>) => ({
  async insert(u: User): Promise<void> {
    await db
      .insertInto('users')
      .values({
        id: u.id,
        email: u.email,
        name: u.name,
        password_hash: u.passwordHash,
        created_at: u.createdAt,
      })
      .execute()
  },

  async count(): Promise<number> {
    const r = await db
      .selectFrom('users')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(r.n)
  },

  async findByEmail(email: string): Promise<User | undefined> {
    const r = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
    return (
      r && {
        id: r.id,
        email: r.email,
        name: r.name,
        passwordHash: r.password_hash,
        createdAt: r.created_at,
      }
    )
  },

  async roles(userId: string): Promise<Map<string, Role>> {
    const rows = await db
      .selectFrom('memberships')
      .select(['org_id', 'role'])
      .where('user_id', '=', userId)
      .execute()
    return new Map(rows.map((r) => [r.org_id, r.role as Role]))
  },

  async members(orgId: string): Promise<Member[]> {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email', 'users.name', 'memberships.role'])
      .where('memberships.org_id', '=', orgId)
      .orderBy('users.name')
      .execute()
    return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, role: r.role as Role }))
  },

  async setMembership(orgId: string, userId: string, role: Role, now: string): Promise<void> {
    await db
      .insertInto('memberships')
      .values({ org_id: orgId, user_id: userId, role, created_at: now })
      .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ role }))
      .execute()
  },

  async removeMembership(orgId: string, userId: string): Promise<void> {
    await db
      .deleteFrom('memberships')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .execute()
  },
})
