import type { Kysely } from 'kysely'
import { fixedQuery } from '../fixed-query.ts'
import type { Database } from '../schema.ts'
import type { Store } from '../store.ts'

const insertVote = fixedQuery((db, v: { questionId: string; visitorKey: string; at: string }) =>
  db
    .insertInto('question_votes')
    .values({ question_id: v.questionId, visitor_key: v.visitorKey, at: v.at })
    .onConflict((oc) => oc.columns(['question_id', 'visitor_key']).doNothing()),
)

const countVote = fixedQuery((db, v: { questionId: string }) =>
  db
    .updateTable('questions')
    .set((e) => ({ votes: e('votes', '+', 1) }))
    .where('id', '=', v.questionId)
    .returning('votes'),
)

/** Upvotes on questions and thanks on answers: one per visitor per item, enforced by primary keys. */
export const reactionsRepo = (db: Kysely<Database>, dialect: Store['dialect']) => ({
  /** Records a vote and returns the question's new total, or null if this visitor already voted. */
  async vote(questionId: string, visitorKey: string, at: string): Promise<number | null> {
    const inserted = await insertVote(db, dialect, { questionId, visitorKey, at })
    if (Number(inserted.numAffectedRows ?? 0) === 0) return null
    const r = (await countVote(db, dialect, { questionId })).rows[0]
    if (!r) throw new Error(`question ${questionId} vanished while being voted on`)
    return Number(r.votes)
  },

  /** Moves a merged question's voters onto its target (a visitor who voted on both counts once). */
  async moveVotes(fromId: string, toId: string): Promise<number> {
    await db
      .insertInto('question_votes')
      .columns(['question_id', 'visitor_key', 'at'])
      .expression((e) =>
        e
          .selectFrom('question_votes')
          .select((s) => [s.val(toId).as('question_id'), 'visitor_key', 'at'])
          .where('question_id', '=', fromId),
      )
      .onConflict((oc) => oc.columns(['question_id', 'visitor_key']).doNothing())
      .execute()
    const r = await db
      .selectFrom('question_votes')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('question_id', '=', toId)
      .executeTakeFirstOrThrow()
    return Number(r.n)
  },

  /** Records thanks and returns the answer's new total, or null if this visitor already thanked it. */
  async thank(answerId: string, visitorKey: string, at: string): Promise<number | null> {
    const inserted = await db
      .insertInto('answer_thanks')
      .values({ answer_id: answerId, visitor_key: visitorKey, at })
      .onConflict((oc) => oc.columns(['answer_id', 'visitor_key']).doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null
    const r = await db
      .updateTable('answers')
      .set((e) => ({ thanks: e('thanks', '+', 1) }))
      .where('id', '=', answerId)
      .returning('thanks')
      .executeTakeFirstOrThrow()
    return Number(r.thanks)
  },
})
