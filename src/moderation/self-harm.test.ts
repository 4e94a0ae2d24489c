import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectEmergency } from './emergency.ts'

describe('self-harm disclosed as happening now (round 6)', () => {
  const now = [
    "I've saved up all my paracetamol and I can't go on anymore",
    'my brother rang to say sorry for everything and his phone is off now',
    "sat in the car with the pills next to me. said my goodbyes to the dog. don't know why im typing this",
    'my flatmate keeps saying she wants to die and she has swallowed a whole packet',
    "he's left a note on the kitchen table saying he can't carry on, we can't reach him",
  ]
  for (const text of now) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))

  const notNow = [
    // questions about support, hypotheticals, the past, ordinary mentions of medication
    'What should I do if a friend tells me she has tablets saved up?',
    'Is there anyone to talk to at night if you feel you cannot go on?',
    'Two years ago I wrote letters to my family and took an overdose. I am much better now, can I self-refer for therapy?',
    "I've got my meds for tonight but the GP won't review them until March, who do I ask?",
    "I can't do this anymore, the waiting list is 18 months and nobody calls back",
    'how do I support my daughter who says she wants to end it? she is seeing the crisis team',
  ]
  for (const text of notNow)
    it(`leaves alone: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
})
