/** Kysely's view of the tables migration 004 adds for the social-network connectors. */
export interface ConnectorTables {
  connector_accounts: {
    id: string
    org_id: string
    network: string
    /** Who the account is on its network, checked when connected (shown to hosts). */
    handle: string
    network_user_id: string
    /** The credentials, AES-256-GCM sealed with CONNECTOR_KEY; never returned by the API. */
    secret: string
    created_at: string
    updated_at: string
  }
  chat_networks: {
    chat_id: string
    network: string
    enabled: number
    answer_back: number
    redirect_replies: number
    updated_at: string
  }
  connector_cursors: { chat_id: string; stream: string; cursor: string; updated_at: string }
  connector_status: {
    chat_id: string
    network: string
    state: string
    reason: string | null
    heard_at: string | null
    position_at: string | null
    updated_at: string
  }
  connector_inbound: {
    source: string
    external_id: string
    chat_id: string
    ref: string
    posted_at: string
  }
  connector_deletions: { source: string; external_id: string; deleted_at: string }
  connector_posts: {
    id: string
    chat_id: string
    question_id: string
    answer_id: string | null
    network: string
    kind: string
    part: number
    external_id: string
    url: string | null
    ref: string
    posted_at: string
    /** Reach is counted until then (the chat's end plus the configured time after). */
    reach_until: string
  }
}
