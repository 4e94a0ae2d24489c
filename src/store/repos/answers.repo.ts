import type { Kysely, Selectable } from 'kysely'
import type { Answer, AnswerKind, AnswerState } from '../../domain/types.ts'
import type { Database } from '../schema.ts'

const toAnswer = (r: Selectable<Database['answers']>): Answer => ({
  id: r.id,
  chatId: r.chat_id,
  questionId: r.question_id,
  authorId: r.author_id,
  authorName: r.author_name,
  kind: r.kind as AnswerKind,
  body: r.body,
  state: r.state as AnswerState,
  thanks: Number(r.thanks),
  createdAt: r.created_at,
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
})

const mutable = (a: Answer) => ({
  author_id: a.authorId,
  author_name: a.authorName,
  kind: a.kind,
  body: a.body,
  state: a.state,
  thanks: a.thanks,
  published_at: a.publishedAt,
  updated_at: a.updatedAt,
})

export const answersRepo = (db: Kysely<Database>) => ({
  /** Writes a new answer or replaces the draft for the same question. */
  async save(a: Answer): Promise<void> {
    await db
      .insertInto('answers')
      .values({
        id: a.id,
        chat_id: a.chatId,
        question_id: a.questionId,
        created_at: a.createdAt,
        ...mutable(a),
      })
      .onConflict((oc) => oc.column('id').doUpdateSet(mutable(a)))
      .execute()
  },

  async findById(id: string): Promise<Answer | undefined> {
    const r = await db.selectFrom('answers').selectAll().where('id', '=', id).executeTakeFirst()
    return r && toAnswer(r)
  },

  async findByQuestion(questionId: string): Promise<Answer | undefined> {
    const r = await db
      .selectFrom('answers')
      .selectAll()
      .where('question_id', '=', questionId)
      .executeTakeFirst()
    return r && toAnswer(r)
  },

  async list(chatId: string, state?: AnswerState): Promise<Answer[]> {
    let q = db.selectFrom('answers').selectAll().where('chat_id', '=', chatId)
    if (state) q = q.where('state', '=', state)
    // Drafts (no publication time) first, as SQLite orders NULLs; PostgreSQL would put them last.
    const rows = await q
      .orderBy('published_at', (ob) => ob.asc().nullsFirst())
      .orderBy('created_at')
      .execute()
    return rows.map(toAnswer)
  },
})
