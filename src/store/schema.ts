/** Kysely's view of the tables; times are ISO-8601 UTC text, JSON columns are text. */
export interface Database {
  organisations: {
    id: string
    slug: string
    name: string
    time_zone: string
    logo_url: string | null
    brand_colour: string
    emergency_guidance: string
    created_at: string
  }
  users: {
    id: string
    email: string
    name: string
    password_hash: string
    created_at: string
  }
  memberships: { org_id: string; user_id: string; role: string; created_at: string }
  sessions: {
    id_hash: string
    user_id: string
    csrf_token: string
    created_at: string
    expires_at: string
  }
  tokens: {
    token_hash: string
    kind: string
    org_id: string | null
    email: string | null
    role: string | null
    created_at: string
    expires_at: string
    used_at: string | null
  }
  instance_settings: { key: string; value: string }
  chats: {
    id: string
    org_id: string
    slug: string
    title: string
    theme: string
    hashtag: string
    description: string
    opens_at: string
    starts_at: string
    ends_at: string
    state: string
    last_seq: number
    created_at: string
    updated_at: string
  }
  chat_experts: { chat_id: string; user_id: string }
  chat_events: {
    chat_id: string
    seq: number
    type: string
    visibility: string
    data: string
    actor: string
    at: string
  }
  questions: {
    id: string
    chat_id: string
    source: string
    external_id: string | null
    external_url: string | null
    author_name: string | null
    visitor_key: string | null
    text: string
    public_text: string
    masks: string
    flags: string
    kind: string
    thanks: number
    state: string
    reject_reason: string | null
    merged_into: string | null
    assigned_to: string | null
    votes: number
    version: number
    received_at: string
    updated_at: string
  }
  answers: {
    id: string
    chat_id: string
    question_id: string
    author_id: string
    author_name: string
    kind: string
    body: string
    state: string
    thanks: number
    created_at: string
    published_at: string | null
    updated_at: string
  }
  question_votes: { question_id: string; visitor_key: string; at: string }
  answer_thanks: { answer_id: string; visitor_key: string; at: string }
  idempotency_keys: {
    chat_id: string
    key: string
    request_hash: string
    question_id: string
    created_at: string
  }
  approved_replies: {
    id: string
    org_id: string
    title: string
    body: string
    created_at: string
    updated_at: string
  }
}
