import type { Kysely, Selectable } from 'kysely'
import type { Organisation } from '../../domain/types.ts'
import type { Database } from '../schema.ts'

const toOrganisation = (r: Selectable<Database['organisations']>): Organisation => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  timeZone: r.time_zone,
  logoUrl: r.logo_url,
  brandColour: r.brand_colour,
  emergencyGuidance: r.emergency_guidance,
  createdAt: r.created_at,
})

export const organisationsRepo = (db: Kysely<Database>) => ({
  async insert(o: Organisation): Promise<void> {
    await db
      .insertInto('organisations')
      .values({
        id: o.id,
        slug: o.slug,
        name: o.name,
        time_zone: o.timeZone,
        logo_url: o.logoUrl,
        brand_colour: o.brandColour,
        emergency_guidance: o.emergencyGuidance,
        created_at: o.createdAt,
      })
      .execute()
  },

  async update(o: Organisation): Promise<void> {
    await db
      .updateTable('organisations')
      .set({
        name: o.name,
        time_zone: o.timeZone,
        logo_url: o.logoUrl,
        brand_colour: o.brandColour,
        emergency_guidance: o.emergencyGuidance,
      })
      .where('id', '=', o.id)
      .execute()
  },

  /** Takes the organisation's row lock, so membership changes to it happen one at a time. */
  async lock(id: string): Promise<void> {
    await db
      .updateTable('organisations')
      .set((e) => ({ name: e.ref('name') }))
      .where('id', '=', id)
      .execute()
  },

  async findBySlug(slug: string): Promise<Organisation | undefined> {
    const r = await db
      .selectFrom('organisations')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst()
    return r && toOrganisation(r)
  },

  async findById(id: string): Promise<Organisation | undefined> {
    const r = await db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    return r && toOrganisation(r)
  },

  async listByIds(ids: string[]): Promise<Organisation[]> {
    if (ids.length === 0) return []
    const rows = await db
      .selectFrom('organisations')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('name')
      .execute()
    return rows.map(toOrganisation)
  },
})
