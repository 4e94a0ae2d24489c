import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ruleVerdicts } from '../analyse.ts'
import { extractFeatures } from './features.ts'

function features(text: string): Set<string> {
  const { prepared, verdicts } = ruleVerdicts(text)
  return extractFeatures(prepared, verdicts)
}

describe('extractFeatures', () => {
  it("leaves out the chat's hashtag, so the model learns kinds rather than chats", () => {
    const f = features('Great session today #AskTheLibrary')
    assert.ok(f.has('w:session'))
    assert.ok(![...f].some((x) => x.includes('askthelibrary')))
  })

  it('makes every number alike except the ones people ring', () => {
    const f = features('ring 999 or 0161 496 0000, ref 4412298')
    assert.ok(f.has('w:999'))
    assert.ok(f.has('w:000'))
    assert.ok(!f.has('w:496') && !f.has('w:4412298'))
  })

  it('reads a link as a link, not as its pieces', () => {
    const f = features('see https://www.offers.example/deal')
    assert.ok(f.has('shape:link'))
    assert.ok(!f.has('w:https') && !f.has('w:example'))
  })

  it("carries the rules' verdicts and the signals behind them", () => {
    const f = features('you useless clowns, the lot of you')
    assert.ok(f.has('r:abuse'))
    assert.ok(f.has('r:abuse: insult'))
    assert.ok(f.has('lex:insult word'))
  })

  it('shares word fragments between forms of a word', () => {
    const a = features('he was stabbing')
    const b = features('he was stabbed')
    assert.ok(a.has('c:stab') && b.has('c:stab'))
  })
})
