import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Question, QuestionState, Source } from '../../domain/types.ts'
import { fixedQuery } from '../fixed-query.ts'
import type { Database } from '../schema.ts'
import type { Store } from '../store.ts'

type Row = Selectable<Database['questions']>

const toQuestion = (r: Row): Question => ({
  id: r.id,
  chatId: r.chat_id,
  source: r.source as Source,
  externalId: r.external_id,
  externalUrl: r.external_url,
  authorName: r.author_name,
  text: r.text,
  publicText: r.public_text,
  masks: JSON.parse(r.masks),
  flags: JSON.parse(r.flags),
  kind: r.kind,
  thanks: Boolean(r.thanks),
  state: r.state as QuestionState,
  rejectReason: r.reject_reason,
  mergedInto: r.merged_into,
  assignedTo: r.assigned_to,
  votes: Number(r.votes),
  version: Number(r.version),
  receivedAt: r.received_at,
  updatedAt: r.updated_at,
})

const mutable = (q: Question) => ({
  public_text: q.publicText,
  masks: JSON.stringify(q.masks),
  state: q.state,
  reject_reason: q.rejectReason,
  merged_into: q.mergedInto,
  assigned_to: q.assignedTo,
  votes: q.votes,
  version: q.version,
  updated_at: q.updatedAt,
})

export interface QuestionFilter {
  states?: QuestionState[]
  assignedTo?: string
}

const byId = fixedQuery((db, v: { id: string }) =>
  db.selectFrom('questions').selectAll().where('id', '=', v.id),
)

const chatAndStateById = fixedQuery((db, v: { id: string }) =>
  db.selectFrom('questions').select(['chat_id', 'state']).where('id', '=', v.id),
)

const insertRow = fixedQuery((db, v: Insertable<Database['questions']>) =>
  db.insertInto('questions').values(v),
)

export const questionsRepo = (db: Kysely<Database>, dialect: Store['dialect']) => ({
  async insert(q: Question, visitorKey: string | null): Promise<void> {
    await insertRow(db, dialect, {
      id: q.id,
      chat_id: q.chatId,
      source: q.source,
      external_id: q.externalId,
      external_url: q.externalUrl,
      author_name: q.authorName,
      visitor_key: visitorKey,
      text: q.text,
      flags: JSON.stringify(q.flags),
      kind: q.kind,
      thanks: q.thanks ? 1 : 0,
      received_at: q.receivedAt,
      ...mutable(q),
    })
  },

  async update(q: Question): Promise<void> {
    await db.updateTable('questions').set(mutable(q)).where('id', '=', q.id).execute()
  },

  async findById(id: string): Promise<Question | undefined> {
    const r = (await byId(db, dialect, { id })).rows[0]
    return r && toQuestion(r)
  },

  /** Just what a vote needs: the question's chat and state, without its text and flags. */
  async chatAndState(id: string): Promise<Pick<Question, 'chatId' | 'state'> | undefined> {
    const r = (await chatAndStateById(db, dialect, { id })).rows[0]
    return r && { chatId: r.chat_id, state: r.state as QuestionState }
  },

  async findByExternal(source: string, externalId: string): Promise<Question | undefined> {
    const r = await db
      .selectFrom('questions')
      .selectAll()
      .where('source', '=', source)
      .where('external_id', '=', externalId)
      .executeTakeFirst()
    return r && toQuestion(r)
  },

  async list(chatId: string, filter: QuestionFilter = {}): Promise<Question[]> {
    let q = db.selectFrom('questions').selectAll().where('chat_id', '=', chatId)
    if (filter.states) q = q.where('state', 'in', filter.states)
    if (filter.assignedTo) q = q.where('assigned_to', '=', filter.assignedTo)
    const rows = await q.orderBy('received_at').orderBy('id').execute()
    return rows.map(toQuestion)
  },

  async countByState(chatId: string): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('questions')
      .select(['state', (e) => e.fn.countAll<number>().as('n')])
      .where('chat_id', '=', chatId)
      .groupBy('state')
      .execute()
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]))
  },

  /** Questions per state in chats that are open or live, for the operator's dashboard. */
  async queueSizes(): Promise<Array<{ chat: string; state: string; n: number }>> {
    const rows = await db
      .selectFrom('questions')
      .innerJoin('chats', 'chats.id', 'questions.chat_id')
      .select(['chats.slug', 'questions.state', (e) => e.fn.countAll<number>().as('n')])
      .where('chats.state', 'in', ['scheduled', 'live'])
      .groupBy(['chats.slug', 'questions.state'])
      .execute()
    return rows.map((r) => ({ chat: r.slug, state: r.state, n: Number(r.n) }))
  },
})
