import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findPii } from './pii/pii.ts'
import { detectSpam } from './spam.ts'

const detect = (text: string) => detectSpam(text, findPii(text))

describe('detectSpam', () => {
  const spam = [
    'EARN £250 a day from your phone!! no skills needed, DM me for the link 💸',
    'Win a FREE air fryer 🎁 just follow and retweet, winner picked Friday! https://win-stuff.example',
    'Need gutters cleaned? Cheapest in town, same day service, call 07700 900111 #localbiz',
    'Your council tax rebate is ready. Verify your bank details at http://counciltax-rebate.example now',
    'I lost £20k to scammers then Ms Rose recovered it all 🙏 contact her on telegram @roserecovers #scam #recovery',
  ]
  for (const text of spam) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const notSpam = [
    'A firm says it can recover my lost crypto for an upfront fee. Is that legit?',
    'I got a text saying I had won a free phone, is that a scam?',
    'Are the free compost bins still available? #AskTheCouncil',
    'Reporting this fake site so it can be taken down: parcel-fee.example',
    'How much does the garden waste bin cost per year?',
  ]
  for (const text of notSpam) {
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
  }
})
