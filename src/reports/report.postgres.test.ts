import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { manualClock, testDeps } from '../../test/harness.ts'
import { reportScenario } from '../../test/report-scenario.ts'
import { freshSchema, needs, PG_ADMIN_URL } from '../../test/services.ts'
import { chatReport, transparencySummary } from '../app/reports.ts'
import { openPostgresStore } from '../store/postgres.ts'
import type { Report } from './report.types.ts'

const servers = await needs([{ name: 'PostgreSQL', url: PG_ADMIN_URL }])

// The figures that do not depend on random ids.
const figures = (r: Report) => ({
  questions: r.questions,
  timeToAnswer: r.timeToAnswer,
  byKind: r.answers.byKind,
  experts: r.answers.byExpert.map(({ expertId: _, ...e }) => e),
  reactions: r.reactions,
  audience: {
    ...r.audience,
    answerViews: r.audience.answerViews.map((v) => [v.views, v.visitors]),
  },
  activity: r.activity,
  busiest: r.busiest,
  followUp: r.followUp.map((f) => f.publicText),
})

describe('Chat report on PostgreSQL', servers, () => {
  it('[R1] gives exactly the figures it gives on SQLite', async () => {
    const onSqlite = await reportScenario()
    const schema = await freshSchema()
    const store = await openPostgresStore(schema.url)
    try {
      const clock = manualClock('2026-12-01T12:00:00.000Z')
      const onPg = await reportScenario({ deps: await testDeps(clock, store), clock })
      const a = await chatReport(onSqlite.deps, onSqlite.admin, 'dogs-chat')
      const b = await chatReport(onPg.deps, onPg.admin, 'dogs-chat')
      assert.deepEqual(figures(b), figures(a))
      assert.equal(b.audience.peakViewers, 19)
      const t = await transparencySummary(onPg.deps, 'dogs-chat')
      assert.equal(t.received, 10)
    } finally {
      await store.close()
      await schema.drop()
    }
  })
})
