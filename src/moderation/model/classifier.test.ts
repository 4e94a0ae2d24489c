import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatModel, KindModel, type KindModelData, parseModel } from './classifier.ts'
import { wordFeatures } from './features.ts'

// Kinds in order: emergency, spam, crime_report, abuse.
const data: KindModelData = {
  bias: [-4, -4, -4, -4],
  threshold: [0.5, 0.5, 0.5, 0.5],
  veto: [0.1, 0, 0, 0],
  weights: {
    'w:unicorn': [0, 0, 0, 6],
    'b:you unicorn': [0, 0, 0, 1],
    'c:<uni': [0, 0, 0, 0.5],
    'r:emergency': [3, 0, 0, 0],
    'r:emergency: harm in progress': [0.5, 0, 0, 0],
    'lex:hazard': [-2, 0, 0, 0],
  },
}

describe('KindModel', () => {
  it('reads back the text form the training script writes', () => {
    assert.deepEqual(parseModel(formatModel(data)), data)
  })

  it('flags a kind at its threshold and names the words that drove it, fragments last', () => {
    const [, , , abuse] = new KindModel(data).score(['w:unicorn', 'b:you unicorn', 'c:<uni'])
    assert.equal(abuse?.flagged, true)
    assert.deepEqual(abuse?.drivers, ['"unicorn"', '"you unicorn"'])
  })

  it('does not flag below the threshold, and vetoes a rule only below the veto', () => {
    const model = new KindModel(data)
    const [weak] = model.score(['r:emergency', 'lex:hazard'])
    assert.equal(weak?.flagged, false)
    assert.equal(weak?.vetoed, true)
    const [kept] = model.score(['r:emergency'])
    assert.equal(kept?.vetoed, false)
  })

  it('does not veto a rule firing for a reason it has no weight for (round 6)', () => {
    const model = new KindModel(data)
    const [known] = model.score(['r:emergency', 'r:emergency: harm in progress', 'lex:hazard'])
    assert.equal(known?.vetoed, true)
    const [unknown] = model.score(['r:emergency', 'r:emergency: self-harm now', 'lex:hazard'])
    assert.equal(unknown?.vetoed, false)
  })

  it('counts a feature once however often it is added', () => {
    const model = new KindModel(data)
    const scorer = model.scorer()
    scorer.add('w:unicorn')
    scorer.add('w:unicorn')
    const once = model.score(['w:unicorn'])
    assert.deepEqual(scorer.result(), once)
  })

  it('scores a word taken whole as it scores its features one by one, every time', () => {
    const model = new KindModel(data)
    const byWord = () => {
      const scorer = model.scorer()
      scorer.addWord('unicorn')
      scorer.add('c:<uni') // already counted through the word: no double weight
      return scorer.result()
    }
    const one = model.score(wordFeatures('unicorn'))
    assert.deepEqual(byWord(), one)
    assert.deepEqual(byWord(), one, 'the remembered word scores the same')
  })
})
