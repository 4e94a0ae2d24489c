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
  it('keeps recruitment on topic in a recruitment chat', () => {
    assert.equal(isOffTopic('Are you recruiting PCSOs?', 'Police recruiting and careers'), false)
  })
})
