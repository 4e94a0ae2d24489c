import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export const idempotencyRepo = (db: Kysely<Database>) => ({
  async find(
    chatId: string,
    key: string,
  ): Promise<{ requestHash: string; questionId: string } | undefined> {
    const r = await db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'question_id'])
      .where('chat_id', '=', chatId)
      .where('key', '=', key)
      .executeTakeFirst()
    return r && { requestHash: r.request_hash, questionId: r.question_id }
  },

  async insert(
    chatId: string,
    key: string,
    requestHash: string,
    questionId: string,
    at: string,
  ): Promise<void> {
    await db
      .insertInto('idempotency_keys')
      .values({
        chat_id: chatId,
        key,
        request_hash: requestHash,
        question_id: questionId,
        created_at: at,
      })
      .execute()
  },
})
