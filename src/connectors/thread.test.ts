import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { answerTail, countGraphemes, countMastodon, countX, splitThread } from './thread.ts'

const tail = answerTail(
  '#askGMP',
  'https://askhour.example.org',
  '0b9f6c1e-1d5c-4a63-9a3e-5b0f7f0e2d11',
)

describe('Answer threads', () => {
  it('[N8] a short answer is one post ending with the hashtag and the link', () => {
    assert.deepEqual(splitThread('Yes.', tail, 300, countGraphemes), [`Yes.\n\n${tail}`])
  })

  it('[N8] a long answer is split into numbered parts that each fit, words kept whole', () => {
    for (const [limit, measure] of [
      [300, countGraphemes],
      [500, countMastodon],
      [280, countX],
    ] as const) {
      fc.assert(
        fc.property(
          fc.array(fc.stringMatching(/^[a-zA-Z0-9'é😀,.]{1,30}$/u), {
            minLength: 1,
            maxLength: 400,
          }),
          (words) => {
            const body = words.join(' ')
            const parts = splitThread(body, tail, limit, measure)
            for (const p of parts) assert.ok(measure(p) <= limit, `${measure(p)} > ${limit}`)
            assert.ok(parts.at(-1)?.includes(tail))
            if (parts.length > 1) {
              for (const [i, p] of parts.entries()) {
                assert.ok(p.endsWith(`(${i + 1}/${parts.length})`))
              }
              const text = parts
                .map((p) =>
                  p
                    .replace(/ \(\d+\/\d+\)$/, '')
                    .replace(`\n\n${tail}`, '')
                    .replace(tail, ''),
                )
                .join(' ')
              assert.equal(text.split(/\s+/).filter(Boolean).join(' '), words.join(' '))
            }
          },
        ),
        { numRuns: 60 },
      )
    }
  })

  it('[N8] networks count links and wide characters their own way', () => {
    assert.equal(countMastodon('see https://example.org/a/very/long/path/indeed/yes'), 4 + 23)
    assert.equal(countX('日本'), 4)
    assert.equal(countGraphemes('👩‍👩‍👧'), 1)
  })
})
