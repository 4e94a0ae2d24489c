import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectThanks } from './thanks.ts'

describe('detectThanks', () => {
  const genuine = [
    'Thank you so much, that really helped',
    'cheers for clearing that up 👍',
    'Really appreciate the time the fire crew put into this',
    'thanks! follow-up: does the same apply to flats?',
    'Great session, well done everyone',
    'thankyouuu, my mind is at rest',
    // a lower-case word after the thanks is not a signed name
    'Really clear answers tonight, thank you all',
    'Good to finally get straight answers. Thanks everyone',
  ]
  for (const text of genuine) it(`genuine: ${text}`, () => assert.equal(detectThanks(text), true))

  const notThanks = [
    'How do I book a smoke alarm check? Thanks in advance',
    'Can I park a skip on the road? Many thanks, Joanna Lewis',
    'Would appreciate a reply about my parking permit.',
    'thanks for nothing, still no answer 🙄',
    'oh thank you SO much for the link I had ALREADY read',
    'When is the next collection?',
    // advice dismissed as obvious (round 10)
    "Thanks for the tip to lock the shed, could've googled that myself.",
  ]
  for (const text of notThanks)
    it(`not thanks: ${text}`, () => assert.equal(detectThanks(text), false))
})
