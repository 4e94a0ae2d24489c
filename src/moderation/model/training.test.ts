import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { MessageKind } from '../types.ts'
import { KindModel, MODEL_KINDS } from './classifier.ts'
import {
  chooseThresholds,
  DEFAULT_TRAIN,
  type Example,
  flagPR,
  outOfFold,
  trainKindModel,
} from './training.ts'

/** Six chats; in each, "scam" marks spam and "idiot" abuse, and every chat has its own word. */
function toyExamples(): Example[] {
  const out: Example[] = []
  for (let c = 0; c < 6; c++) {
    const chat = `T${c}`
    const add = (kind: MessageKind, words: string[]) =>
      out.push({ id: `${chat}-${out.length}`, chat, kind, features: new Set(words) })
    for (let i = 0; i < 3; i++) add('spam', ['w:scam', 'w:link', `w:only${c}`])
    for (let i = 0; i < 3; i++) add('abuse', ['w:idiot', 'w:you'])
    for (let i = 0; i < 12; i++) add('question', ['w:how', 'w:you', `w:only${c}`])
  }
  return out
}

describe('trainKindModel', () => {
  it('learns the words that mark a kind and separates held-out chats', () => {
    const examples = toyExamples()
    const data = trainKindModel(examples.filter((e) => e.chat !== 'T0'))
    const model = new KindModel({ ...data, threshold: [0.5, 0.5, 0.5, 0.5], veto: [0, 0, 0, 0] })
    const [, spam, , abuse] = model.score(['w:scam', 'w:link'])
    assert.equal(spam?.flagged, true)
    assert.equal(abuse?.flagged, false)
    assert.equal(
      model.score(['w:how', 'w:you']).some((s) => s.flagged),
      false,
    )
  })

  it('keeps no feature that fewer than three chats use', () => {
    const data = trainKindModel(toyExamples())
    assert.ok(data.weights['w:scam'])
    assert.equal(data.weights['w:only1'], undefined)
  })

  it('is reproducible: the same data and seed give the same weights', () => {
    assert.deepEqual(trainKindModel(toyExamples()), trainKindModel(toyExamples()))
  })

  it('chooses thresholds from held-out probabilities that flag every toy spam and nothing else', () => {
    const examples = toyExamples()
    const probability = outOfFold(examples, DEFAULT_TRAIN)
    const { threshold } = chooseThresholds(
      examples.map((e, i) => ({
        kind: e.kind,
        rules: [false, false, false, false],
        probability: probability[i] ?? [],
      })),
    )
    const spamThreshold = threshold[1] ?? 1
    examples.forEach((e, i) => {
      const flagged = (probability[i]?.[1] ?? 0) >= spamThreshold
      assert.equal(flagged, e.kind === 'spam', e.id)
    })
  })
})

describe('flagPR (round 6)', () => {
  it('leaves out messages a kind earlier in the precedence decides', () => {
    const crime = MODEL_KINDS.indexOf('crime_report')
    const scored = [
      // an emergency that also reads as a crime report: the emergency flag decides it
      {
        kind: 'emergency' as const,
        rules: [true, false, true, false],
        probability: [0.9, 0, 0, 0],
      },
      {
        kind: 'crime_report' as const,
        rules: [false, false, true, false],
        probability: [0, 0, 0.9, 0],
      },
    ]
    assert.deepEqual(flagPR(scored, crime, 0.5, 0), { precision: 1, recall: 1 })
  })
})
