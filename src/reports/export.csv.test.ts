import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import fc from 'fast-check'
import { reportScenario } from '../../test/report-scenario.ts'
import { chatReport } from '../app/reports.ts'
import { csvRows, escapeCell, parseCsv, reportCsv, toCsv, unescapeCell } from './export.csv.ts'
import { reportJson } from './export.json.ts'
import type { Report } from './report.types.ts'

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r']
// Strings weighted towards the characters that matter: triggers, quotes, commas and line ends.
const cell = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...TRIGGERS, "'", '"', ',', '\n', '\r\n', 'a', ' ', 'é', '😀'),
  }),
  fc.string({ unit: 'grapheme' }),
  fc.string(),
)

describe('CSV export', () => {
  it('[R4] never starts a cell with = + - @ tab or CR, whatever the input', () => {
    fc.assert(
      fc.property(cell, (value) => {
        const out = escapeCell(value)
        assert.ok(!TRIGGERS.includes(out.charAt(0)), JSON.stringify(out))
        assert.equal(unescapeCell(out), value)
      }),
      { numRuns: 2000 },
    )
  })

  it('[R4] keeps every parsed cell safe: a formula never survives quoting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const csv = toCsv(rows)
          // read the file as a spreadsheet would: cells as they are, apostrophes included
          for (const line of parseCsv(csv, false)) {
            for (const c of line) assert.ok(!TRIGGERS.includes(c.charAt(0)), JSON.stringify(c))
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('[R4] round-trips: parsing the CSV gives back exactly the rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          assert.deepEqual(parseCsv(toCsv(rows)), rows)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('[R4] escapes the classic injections', () => {
    assert.equal(escapeCell('=HYPERLINK("http://evil","x")'), `'=HYPERLINK("http://evil","x")`)
    assert.equal(escapeCell('+1'), "'+1")
    assert.equal(escapeCell('-2+3'), "'-2+3")
    assert.equal(escapeCell('@SUM(A1)'), "'@SUM(A1)")
    assert.equal(escapeCell('\t=1'), "'\t=1")
    assert.equal(escapeCell('\r=1'), "'\r=1")
    assert.equal(escapeCell('plain'), 'plain')
  })
})

describe('Report exports round-trip', () => {
  let r: Report
  before(async () => {
    const s = await reportScenario()
    r = await chatReport(s.deps, s.admin, 'dogs-chat')
  })

  it('[R4] the questions-and-answers CSV parses back to the report rows', () => {
    const parsed = parseCsv(reportCsv(r))
    assert.deepEqual(parsed, csvRows(r))
    assert.equal(parsed.length, r.rows.length + 1)
    const header = parsed[0] ?? []
    const answered = parsed.find((row) => row[header.indexOf('state')] === 'answered')
    assert.ok(answered?.[header.indexOf('answer')]?.startsWith('Answer to'))
  })

  it('[R4] the JSON export parses back to the report', () => {
    assert.deepEqual(JSON.parse(reportJson(r)), r)
  })
})
