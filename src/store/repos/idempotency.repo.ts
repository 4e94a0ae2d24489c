import type { Kysely } from 'kysely'
import { fixedQuery } from '../fixed-query.ts'
import type { Database } from '../schema.ts'
import type { Store } from '../store.ts'

const findKey = fixedQuery((db, v: { chatId: string; key: string }) =>
  db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'question_id'])
    .where('chat_id', '=', v.chatId)
    .where('key', '=', v.key),
)

const claimKey = fixedQuery(
  (db, v: { chatId: string; key: string; requestHash: string; questionId: string; at: string }) =>
    db
      .insertInto('idempotency_keys')
      .values({
        chat_id: v.chatId,
        key: v.key,
        request_hash: v.requestHash,
        question_id: v.questionId,
        created_at: v.at,
      })
      .onConflict((oc) => oc.columns(['chat_id', 'key']).doNothing()),
)

export const idempotencyRepo = (db: Kysely<Database>, dialect: Store['dialect']) => ({
  async find(
    chatId: string,
    key: string,
  ): Promise<{ requestHash: string; questionId: string } | undefined> {
    const r = (await findKey(db, dialect, { chatId, key })).rows[0]
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
    const r = await claimKey(db, dialect, { chatId, key, requestHash, questionId, at })
    return Number(r.numAffectedRows ?? 0) > 0
  },
})
