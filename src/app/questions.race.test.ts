import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chat, organisation } from '../../test/factories.ts'
import { manualClock, testDeps } from '../../test/harness.ts'
import { freshSchema, needs, PG_ADMIN_URL } from '../../test/services.ts'
import type { Actor } from '../domain/permissions.ts'
import type { Chat } from '../domain/types.ts'
import { openPostgresStore } from '../store/postgres.ts'
import type { Deps } from './deps.ts'
import { moderate } from './moderation.ts'
import { askQuestion } from './questions.ts'

const servers = await needs([{ name: 'PostgreSQL', url: PG_ADMIN_URL }])

describe('questions on PostgreSQL under concurrent requests', servers, () => {
  let deps: Deps
  let live: Chat
  let admin: Actor
  let drop: () => Promise<void>
  before(async () => {
    const schema = await freshSchema()
    drop = schema.drop
    deps = await testDeps(manualClock(), await openPostgresStore(schema.url, { poolSize: 12 }))
    admin = (await organisation(deps, 'gmp')).admin
    live = await chat(deps, admin, 'gmp', 'live')
  })
  after(async () => {
    await deps.store.close()
    await drop()
  })

  it('[X2] retries of one submission racing on separate connections make one question, and every retry gets it', async () => {
    for (let round = 0; round < 5; round++) {
      const key = `race-${round}-abcdef`
      const receipts = await Promise.all(
        Array.from({ length: 8 }, () =>
          askQuestion(
            deps,
            live,
            { text: 'Does my exempt dog need a muzzle in the car?' },
            { visitorKey: 'visitor-race', idempotencyKey: key },
          ),
        ),
      )
      const ids = new Set(receipts.map((r) => r.question.id))
      assert.equal(ids.size, 1, `round ${round}: ${[...ids].join(', ')}`)
      assert.equal(receipts.filter((r) => !r.replayed).length, 1)
    }
    const all = await deps.store.read.questions.list(live.id)
    assert.equal(all.length, 5)
    const received = (await deps.store.read.events.after(live.id, 0, 'all')).filter(
      (e) => e.type === 'question.received',
    )
    assert.equal(received.length, 5)
  })

  it('[Q10] concurrent moderation of one question on separate connections: one move wins, the others are refused', async () => {
    for (let round = 0; round < 5; round++) {
      const { question } = await askQuestion(
        deps,
        live,
        { text: `Is a muzzle needed in the car? (${round})` },
        { visitorKey: `visitor-${round}` },
      )
      const approvals = await Promise.allSettled(
        [1, 2, 3].map(() => moderate(deps, admin, live.slug, question.id, { type: 'approve' })),
      )
      assert.equal(approvals.filter((m) => m.status === 'fulfilled').length, 1, `round ${round}`)
      const edits = await Promise.allSettled(
        [1, 2, 3].map((n) =>
          moderate(deps, admin, live.slug, question.id, {
            type: 'edit',
            publicText: `Is a muzzle needed in a car? (edit ${n})`,
            version: 2,
          }),
        ),
      )
      assert.equal(edits.filter((m) => m.status === 'fulfilled').length, 1, `round ${round}`)
      const log = (await deps.store.read.events.after(live.id, 0, 'all')).filter((e) =>
        JSON.stringify(e.data).includes(question.id),
      )
      assert.deepEqual(
        log.map((e) => e.type),
        ['question.received', 'question.approved', 'question.edited'],
      )
    }
  })
})
