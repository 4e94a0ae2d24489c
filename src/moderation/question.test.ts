import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isOffTopic, isQuestion } from './question.ts'

describe('isQuestion', () => {
  it('sees a question mark', () => assert.ok(isQuestion('Bins tomorrow?')))
  it('sees a question without a question mark', () => {
    assert.ok(isQuestion('how do i get a blue badge'))
    assert.ok(isQuestion('our bin is broken, can we get a new one'))
    assert.ok(isQuestion('Please can you tell me when the clinic opens'))
  })
  it('leaves statements and rhetorical complaints alone', () => {
    assert.equal(isQuestion('Will wait for an answer then.'), false)
    assert.equal(isQuestion('The new bins are great.'), false)
    assert.equal(isQuestion('is anyone actually answering 🙄'), false)
  })
})

describe('isOffTopic', () => {
  it('takes an explicit "off topic"', () =>
    assert.ok(isOffTopic('Off topic, but when does the pool reopen?')))
  it('takes case updates', () => assert.ok(isOffTopic('Any update on my stolen car? Ref 123/22')))
  it('takes a question about another service with nothing in common with the theme', () => {
    const theme = 'Home fire safety: cooking, candles, e-bikes'
    assert.ok(isOffTopic('When does the library reopen?', theme))
    assert.ok(isOffTopic('how do I pay my council tax', theme))
  })
  it('keeps a question that shares the theme, or names the service as a place', () => {
    const theme = 'Home fire safety: cooking, candles, e-bikes'
    assert.equal(isOffTopic('Can I charge an e-bike in the library?', theme), false)
    assert.equal(isOffTopic('Are fire blankets sold at the library?', theme), false)
    assert.equal(isOffTopic('When are bins collected?', 'Bins and recycling'), false)
    // The hashtag names the field: the housing register belongs in a housing chat.
    assert.equal(
      isOffTopic(
        'Where am I on the housing register?',
        'Repairs and tenancy rights',
        '#AskHousing',
      ),
      false,
    )
  })
  it('keeps recruitment on topic in a recruitment chat', () => {
    assert.equal(isOffTopic('Are you recruiting PCSOs?', 'Police recruiting and careers'), false)
  })
})
