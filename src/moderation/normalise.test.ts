import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  foldCharacters,
  PhraseMatcher,
  SENTENCE_END,
  sentenceRanges,
  splitRun,
  stripInvisible,
  unleet,
  words,
} from './normalise.ts'

describe('normalise', () => {
  it('strips zero-width characters', () =>
    assert.equal(stripInvisible('i\u200bd\u200ciot'), 'idiot'))
  it('folds accents, case and homoglyphs', () => {
    assert.equal(foldCharacters('Ça VA'), 'ca va')
    assert.equal(foldCharacters('\u0441\u043e\u0440'), 'cop')
  })
  it('maps leetspeak only inside words with letters', () => {
    assert.equal(unleet('1d10t'), 'idiot')
    assert.equal(unleet('999'), '999')
    assert.equal(unleet('idiots!'), 'idiots')
  })
  it('joins spaced-out letters and folds elongations', () => {
    assert.deepEqual(words('you m.u.p.p.e.t'), ['you', 'muppet'])
    assert.deepEqual(words('thank youuu'), ['thank', 'you'])
  })
  it('cuts a run of letters that swallowed one-letter words into known words', () => {
    assert.deepEqual(words('u r a b s o l u t e c l o w n s'), ['ur', 'absolute', 'clowns'])
    assert.deepEqual(splitRun('fuckoff'), ['fuck', 'off'])
    // Not cut when the run is one word, or cannot be cut into known words.
    assert.deepEqual(splitRun('idiot'), ['idiot'])
    assert.deepEqual(splitRun('sos'), ['sos'])
  })
  it('marks sentence ends, but not dots inside words', () => {
    assert.deepEqual(words('See gov.uk. Then call!'), [
      'see',
      'gov',
      'uk',
      SENTENCE_END,
      'then',
      'call',
      SENTENCE_END,
    ])
    assert.deepEqual(sentenceRanges(words('One two. Three')), [
      [0, 2],
      [3, 4],
    ])
  })
  it('matches whole-word phrases, never inside a word', () => {
    const matcher = new PhraseMatcher(['right now', 'cunt'])
    assert.equal(matcher.find(words('Is Scunthorpe open right now?')), 'right now')
    assert.equal(matcher.find(words('Scunthorpe')), undefined)
  })
})

describe('spaced letters with leet digits (round 6)', () => {
  it('reads a leet digit inside a run of spaced letters', () => {
    assert.deepEqual(words('l 0 s e r s'), ['losers'])
    assert.deepEqual(words('m u p p 3 t s'), ['muppets'])
  })
  it('keeps a number that is not inside such a run', () => {
    assert.deepEqual(words('plan a 5 k run'), ['plan', 'a', '5', 'k', 'run'])
    assert.deepEqual(words('flat 4 b'), ['flat', '4', 'b'])
  })
})
