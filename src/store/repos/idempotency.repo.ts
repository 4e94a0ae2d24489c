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

  /**
   * Records the key unless it is already taken, and says whether this call took it. On PostgreSQL
   * a concurrent transaction holding the same key makes this wait for its outcome, then say false.
   */
  async claim(
    chatId: string,
    key: string,
    requestHash: string,
    questionId: string,
    at: string,
  ): Promise<boolean> {
    const r = await db
      .insertInto('idempotency_keys')
      .values({
        chat_id: chatId,
        key,
        request_hash: requestHash,
        question_id: questionId,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['chat_id', 'key']).doNothing())
      .executeTakeFirst()
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0
  },
})
