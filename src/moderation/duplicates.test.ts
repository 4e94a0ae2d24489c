import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { GROUP_THRESHOLD, groupDuplicates } from './duplicate-groups.ts'
import { duplicateProbability } from './duplicate-model.ts'
import { porterStem } from './duplicate-stem.ts'
import { contentTerms } from './duplicate-terms.ts'
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
  it('drops stop words and maps everyday paraphrases to one term', () => {
    assert.deepEqual([...contentTerms('Will I get my money back?')], ['refund'])
    assert.deepEqual([...contentTerms('can i ring you')], [...contentTerms('can I phone you?')])
    assert.deepEqual([...contentTerms('my kids')], [...contentTerms('my children')])
  })

  it('meets different forms of one word through the Porter stemmer', () => {
    assert.equal(porterStem('renewal'), porterStem('renewing'))
    assert.equal(porterStem('prosecuted'), porterStem('prosecution'))
    const sorted = (text: string) => [...contentTerms(text)].sort()
    assert.deepEqual(sorted('permit renewals'), sorted('renewing a permit'))
  })

  it('keeps service numbers but not small counts', () => {
    assert.ok(contentTerms('should I ring 999 or 111?').has('999'))
    assert.ok(!contentTerms('missed 3 weeks in a row').has('3'))
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
    const hits = index.similarToId('d', { threshold: 0.5 })
    assert.equal(hits[0]?.id, 'e')
  })

  it('returns nothing for an unrelated question', () => {
    assert.deepEqual(index.similar('What time does the library open on Sundays?'), [])
  })

  it('matches a misspelt word through shared character runs', () => {
    const local = new DuplicateIndex()
    local.add('x', 'can I put shredded paper in the recycling?')
    local.add('y', 'what goes in the garden waste bin?')
    local.add('z', 'when is the tip open on bank holidays?')
    const typo = local.similar('does shreded paper go in recyling', { threshold: 0 })
    assert.equal(typo[0]?.id, 'x')
  })

  it('ranks a question asking the same thing above one asking something else on the topic', () => {
    const local = new DuplicateIndex()
    local.add('price', 'what is the price of a residents permit for one car')
    local.add('wait', 'How long does a residents parking permit take to arrive?')
    local.add('other', 'When will the pothole on Mill Lane be filled?')
    const hits = local.similar('How much does a residents parking permit cost?', { threshold: 0 })
    assert.deepEqual(
      hits.map((h) => h.id),
      ['price', 'wait'],
    )
  })

  it('forgets removed messages', () => {
    const local = new DuplicateIndex()
    local.add('x', 'refund for the cancelled swimming lesson')
    local.add('y', 'money back for a cancelled swimming lesson')
    assert.equal(local.similarToId('x', { threshold: 0.5 })[0]?.id, 'y')
    local.remove('y')
    assert.deepEqual(local.similarToId('x', { threshold: 0 }), [])
    assert.equal(local.size, 1)
  })
})

describe('duplicateProbability', () => {
  it('rises as two questions share more and rarer wording', () => {
    const loose = duplicateProbability([0.1, 0.1, 0.2, Math.log1p(1), 0.2])
    const close = duplicateProbability([0.6, 0.5, 0.8, Math.log1p(3), 0.7])
    assert.ok(loose < 0.5 && close > 0.5, `${loose} < 0.5 < ${close}`)
  })
})

describe('groupDuplicates', () => {
  it('groups paraphrases and leaves singletons out', () => {
    const groups = groupDuplicates(questions)
    assert.ok(groups.some((g) => g.includes('d') && g.includes('e')))
    assert.ok(groups.every((g) => g.length >= 2 && !g.includes('c') && !g.includes('f')))
  })

  it('uses average linkage: one loose pair does not chain unrelated questions together', () => {
    const chain = [
      { id: 'p', text: 'garden waste subscription renewal' },
      { id: 'q', text: 'garden waste subscription renewal for pensioners over eighty' },
      { id: 'r', text: 'pensioners over eighty swimming lessons' },
    ]
    const index = new DuplicateIndex()
    for (const m of chain) index.add(m.id, m.text)
    // q–r alone clears the threshold, so single linkage would chain p–q–r.
    assert.ok((index.similarToId('r', { threshold: 0 })[0]?.score ?? 0) >= GROUP_THRESHOLD)
    assert.deepEqual(groupDuplicates(chain), [['p', 'q']])
  })

  it('lists members in input order and ignores repeated ids', () => {
    const groups = groupDuplicates(
      [questions[4], questions[3], questions[3]].flatMap((q) => (q ? [q] : [])),
    )
    assert.deepEqual(groups, [['e', 'd']])
  })
})
