import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export interface DirectoryEntry {
  orgSlug: string
  orgName: string
  chatSlug: string
  title: string
  hashtag: string
  state: string
  startsAt: string
}

/** Public listings across organisations, for the landing page. */
export const directoryRepo = (db: Kysely<Database>) => ({
  /** Scheduled and live chats of every organisation, soonest first. */
  async openChats(limit = 50): Promise<DirectoryEntry[]> {
    const rows = await db
      .selectFrom('chats')
      .innerJoin('organisations', 'organisations.id', 'chats.org_id')
      .select([
        'organisations.slug as org_slug',
        'organisations.name as org_name',
        'chats.slug',
        'chats.title',
        'chats.hashtag',
        'chats.state',
        'chats.starts_at',
      ])
      .where('chats.state', 'in', ['scheduled', 'live'])
      .orderBy('chats.starts_at')
      .limit(limit)
      .execute()
    return rows.map((r) => ({
      orgSlug: r.org_slug,
      orgName: r.org_name,
      chatSlug: r.slug,
      title: r.title,
      hashtag: r.hashtag,
      state: r.state,
      startsAt: r.starts_at,
    }))
  },
})
