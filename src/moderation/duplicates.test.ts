import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { groupDuplicates } from './duplicate-groups.ts'
import { contentTerms, stem } from './duplicate-terms.ts'
import { DuplicateIndex } from './duplicates.ts'

const questions = [
  { id: 'a', text: 'When will my garden waste bin be collected over Christmas?' },
  { id: 'b', text: 'Are green bin collections still happening during the Christmas holidays?' },
  { id: 'c', text: 'How do I apply for a blue badge for my dad?' },
  { id: 'd', text: 'Can I get a refund if the leisure centre shuts for repairs?' },
  { id: 'e', text: 'will i get my money back if the pool closes for repairs' },
  { id: 'f', text: 'Where do I report a broken street light?' },
]

describe('contentTerms', () => {
  it('drops stop words, stems and maps paraphrases to one term', () => {
    assert.deepEqual([...contentTerms('Will I get my money back?')], ['refund'])
    assert.ok(contentTerms('the bins were missed').has('miss'))
    assert.equal(stem('collections'), 'collection')
    assert.equal(stem('muzzled'), 'muzzl')
  })
})

describe('DuplicateIndex', () => {
  const index = new DuplicateIndex()
  for (const q of questions) index.add(q.id, q.text)

  it('finds a paraphrase of the same question, best first', () => {
    const hits = index.similar('Is there a bin collection on Christmas day?', { threshold: 0.1 })
    assert.ok(['a', 'b'].includes(hits[0]?.id ?? ''))
    assert.ok(hits.every((h, i) => i === 0 || (hits[i - 1]?.score ?? 0) >= h.score))
  })

  it('links questions that share a paraphrase group', () => {
    const hits = index.similarToId('d', { threshold: 0.2 })
    assert.equal(hits[0]?.id, 'e')
  })

  it('returns nothing for an unrelated question', () => {
    assert.deepEqual(index.similar('What time does the library open on Sundays?'), [])
  })

  it('forgets removed messages', () => {
    const local = new DuplicateIndex()
    local.add('x', 'refund for the cancelled swimming lesson')
    local.add('y', 'money back for a cancelled swimming lesson')
    assert.equal(local.similarToId('x')[0]?.id, 'y')
    local.remove('y')
    assert.deepEqual(local.similarToId('x'), [])
    assert.equal(local.size, 1)
  })
})

describe('groupDuplicates', () => {
  it('groups paraphrases and leaves singletons out', () => {
    const groups = groupDuplicates(questions, 0.2)
    assert.ok(groups.some((g) => g.includes('d') && g.includes('e')))
    assert.ok(groups.every((g) => g.length >= 2 && !g.includes('c')))
  })

  it('uses average linkage: one loose pair does not chain unrelated questions together', () => {
    const chain = [
      { id: 'p', text: 'garden waste subscription price' },
      { id: 'q', text: 'garden waste subscription price discount pensioners' },
      { id: 'r', text: 'discount pensioners swimming lessons leisure centre' },
    ]
    const groups = groupDuplicates(chain, 0.2)
    assert.deepEqual(groups, [['p', 'q']])
  })

  it('lists members in input order and ignores repeated ids', () => {
    const groups = groupDuplicates(
      [questions[4], questions[3], questions[3]].flatMap((q) => (q ? [q] : [])),
      0.2,
    )
    assert.deepEqual(groups, [['e', 'd']])
  })
})
