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
    // "appreciate" with an object, and a regret that is not about the wait (round 11)
    "I really appreciate the advice, it's helped a lot",
    'Thanks for the reply, shame I missed the live session',
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
    // a concession, and thanks followed by how long it took (round 11)
    "I appreciate you're short-staffed, but three weeks for a callback is too long.",
    'Thanks for answering about the skip permit, shame it took all afternoon',
  ]
  for (const text of notThanks)
    it(`not thanks: ${text}`, () => assert.equal(detectThanks(text), false))
})
