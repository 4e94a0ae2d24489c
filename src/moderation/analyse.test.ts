import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { analyse, analyseWith } from './analyse.ts'
import { KindModel } from './model/classifier.ts'

describe('analyse: kinds', () => {
  const cases: Array<[string, string]> = [
    ['What should I do if a dog attacks my child in the park?', 'question'],
    ['Is it 999 or 101 if I smell gas in the street?', 'question'],
    ['my nan has collapsed in the garden and is not breathing, someone ring 999!!', 'emergency'],
    ['a fake gas engineer is inside my mums house right now asking for cash', 'emergency'],
    ['I want to report a car that has been dumped and burnt out on our estate.', 'crime_report'],
    [
      'I was burgled three years ago and never reported it. Is it too late to do anything?',
      'question',
    ],
    ['useless clowns the lot of you', 'abuse'],
    ['Earn £400 a day trading crypto 🚀 DM me https://get-rich.example #crypto #money', 'spam'],
    ['Thanks for answering, that was really helpful', 'thanks'],
    ['thanks for nothing 🙄 another pointless session', 'comment'],
    ['Great to see the fire service out in the community.', 'comment'],
    ['Off topic, but when is the swimming pool reopening?', 'off_topic'],
    ['Is Scunthorpe covered by this scheme?', 'question'],
  ]
  for (const [text, kind] of cases) {
    it(`${kind}: ${text.slice(0, 60)}`, () => assert.equal(analyse(text).kind, kind))
  }

  it('follows the precedence emergency → spam → crime_report → abuse', () => {
    const both = 'you useless idiots, a man is attacking my neighbour with a knife right now'
    const result = analyse(both)
    assert.equal(result.kind, 'emergency')
    assert.deepEqual(
      result.flags.map((f) => f.kind),
      ['emergency', 'abuse'],
    )
  })

  it('keeps thanks with a follow-up question as a question with thanks', () => {
    const result = analyse(
      'Thank you, that really helped! One more: do flats get food caddies too?',
    )
    assert.equal(result.kind, 'question')
    assert.equal(result.thanks, true)
  })

  it('does not count a courtesy sign-off as thanks', () => {
    const result = analyse('When does the consultation close? Thanks, Priya Shah')
    assert.equal(result.thanks, false)
    assert.equal(result.maskedText, 'When does the consultation close? Thanks, [name]')
  })
})

describe('analyse: rules and the kind model', () => {
  // Kinds in order: emergency, spam, crime_report, abuse.
  const model = new KindModel({
    bias: [-6, -6, -6, -6],
    threshold: [0.5, 0.5, 0.5, 0.5],
    veto: [0, 0, 0, 0.2],
    weights: {
      'w:unicorn': [0, 8, 0, 8],
      'w:clowns': [0, 0, 0, 2],
      'w:lot': [0, 0, 0, 1],
      // the model has weighed this rule reason, so it may veto it
      'r:abuse: insult': [0, 0, 0, 0],
    },
  })

  it('adds a flag the rules missed, saying which signals drove it', () => {
    const result = analyseWith('such a unicorn', {}, model)
    assert.deepEqual(
      result.flags.map((f) => f.kind),
      ['spam', 'abuse'],
    )
    assert.equal(result.kind, 'spam')
    assert.match(result.flags[0]?.reason ?? '', /^model 0\.88: "unicorn"/)
  })

  it("drops a rule's flag only when the model all but rules the kind out", () => {
    assert.equal(analyseWith('useless clowns the lot of you', {}, model).kind, 'comment')
    const kept = analyseWith(
      'useless clowns the lot of you',
      {},
      new KindModel({
        bias: [-6, -6, -6, -1],
        threshold: [1, 1, 1, 1],
        veto: [0, 0, 0, 0.2],
        weights: {},
      }),
    )
    assert.deepEqual(kept.flags, [{ kind: 'abuse', reason: 'insult ("useless")' }])
  })

  it('is the rules alone without a model', () => {
    assert.equal(analyseWith('such a unicorn', {}, undefined).kind, 'comment')
  })

  // The shipped model, on messages written for these tests.
  it('catches a fake fee notice with a payment link that names no phishing action', () => {
    const text =
      'Royal Mail: your parcel could not be delivered. A £1.45 redelivery fee is due. Arrange redelivery at http://rm-parcels.example'
    assert.equal(analyseWith(text, {}, undefined).kind, 'comment')
    const result = analyse(text)
    assert.equal(result.kind, 'spam')
    assert.match(result.flags[0]?.reason ?? '', /^model \d\.\d\d: .*link/)
  })

  it('catches a wish of harm on whoever answered', () => {
    assert.equal(analyse('hope whoever wrote that answer loses their job').kind, 'abuse')
  })

  it('leaves questions about emergencies, reports and scams as questions', () => {
    for (const text of [
      'What should I do if my neighbour collapses in the street?',
      'How do I report a car that keeps parking on the pavement?',
      'Is a text saying I owe a toll charge likely to be a scam?',
    ])
      assert.equal(analyse(text).kind, 'question', text)
  })
})

describe('analyse: masks', () => {
  it('masks exact spans and keeps reference numbers', () => {
    const text = 'Ref 4412298/24 — call me on 07700 900333 at 12 Elm Grove, Hull HU5 2QQ'
    const result = analyse(text)
    assert.deepEqual(
      result.masks.map((m) => text.slice(m.start, m.end)),
      ['07700 900333', '12 Elm Grove, Hull', 'HU5 2QQ'],
    )
    assert.equal(result.maskedText, 'Ref 4412298/24 — call me on [phone] at [address] [postcode]')
  })

  it('uses UTF-16 offsets after emoji', () => {
    const text = '🐶🐶 email me: pat.lee@example.com'
    const [mask] = analyse(text).masks
    assert.equal(text.slice(mask?.start, mask?.end), 'pat.lee@example.com')
  })
})

describe('analyse: adversarial input', () => {
  const KB64 = 64 * 1024
  const pieces = [
    '0',
    '1',
    '7',
    ' ',
    '-',
    '(',
    ')',
    '+44',
    'a',
    'A',
    'Z9',
    '@',
    '.',
    '*',
    '!',
    '?',
    '\u200b',
    'Road ',
    '12 ',
    'Tom ',
    'thanks ',
    'f u c k ',
    '£',
    '/',
    '#tag ',
    'http://',
    '🙄',
    '\n',
  ]
  const adversarial = fc
    .tuple(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }), fc.nat({ max: 3 }))
    .map(([unit, pad]) => {
      const s = unit.join('')
      return (s.repeat(Math.ceil(KB64 / s.length)) + 'x'.repeat(pad)).slice(0, KB64)
    })

  it('finishes on 64 KiB of repeated fragments (no catastrophic backtracking)', () => {
    fc.assert(
      fc.property(adversarial, (text) => {
        const started = performance.now()
        const result = analyse(text)
        // A generous bound: a real regex blow-up takes seconds or never ends.
        assert.ok(performance.now() - started < 2000)
        assert.equal(typeof result.maskedText, 'string')
      }),
      { numRuns: 60 },
    )
  })

  it('keeps masks inside the text, sorted and disjoint for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const { masks } = analyse(text)
        let last = 0
        for (const m of masks) {
          assert.ok(m.start >= last && m.end > m.start && m.end <= text.length)
          last = m.end
        }
      }),
    )
  })
})
