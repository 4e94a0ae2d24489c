import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { promisify } from 'node:util'
import { manualClock, testDeps } from '../../test/harness.ts'
import { reportScenario } from '../../test/report-scenario.ts'
import { parseCsv } from '../reports/export.csv.ts'
import { openSqliteStore } from '../store/sqlite.ts'

const run = promisify(execFile)

describe('askhour report', () => {
  it('[R4] writes an export to a file, showing progress on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'askhour-report-'))
    const db = join(dir, 'askhour.db')
    const clock = manualClock('2026-12-01T12:00:00.000Z')
    const store = await openSqliteStore(db)
    await reportScenario({ deps: await testDeps(clock, store), clock })
    await store.close()
    const out = join(dir, 'qa.csv')
    const { stderr } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'report',
        'dogs-chat',
        '--format',
        'csv',
        '--out',
        out,
      ],
      { env: { ...process.env, DATABASE_URL: db, LOG_LEVEL: 'silent' } },
    )
    assert.match(stderr, /\[ *\] 0\/9 reading questions/)
    assert.match(stderr, /\[#+\] 9\/9 rendered csv/)
    assert.match(stderr, new RegExp(`Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    const rows = parseCsv(readFileSync(out, 'utf8'))
    assert.equal(rows.length, 11)
    const bad = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'report', 'dogs-chat', '--format', 'docx'],
      {
        env: { ...process.env, DATABASE_URL: db },
      },
    ).catch((err: { stderr: string }) => err)
    assert.match(
      (bad as { stderr: string }).stderr,
      /--format must be one of html, pdf, csv, json, md/,
    )
  })
})
