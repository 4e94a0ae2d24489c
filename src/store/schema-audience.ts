/** Kysely's view of the tables migration 003 adds for reports (docs/report.md). */
export type AudienceTables = {
  audience_viewers: { chat_id: string; process_id: string; minute: string; viewers: number }
  audience_page_views: {
    chat_id: string
    page: string
    item_id: string
    day: string
    visitor: string
    views: number
  }
  network_reach: {
    network: string
    post_id: string
    chat_id: string
    answer_id: string | null
    post_url: string | null
    reposts: number
    likes: number
    replies: number
    updated_at: string
  }
}
