import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectEmergency } from './emergency.ts'
import { prepare } from './prepared.ts'
import { describeSituation, SITUATION_THRESHOLD, situationEmergency } from './situation.ts'

describe('situation model', () => {
  // Written for these tests; none names an emergency or uses the detector's phrase lexicons.
  const situations = [
    'a teenager is walking along the lines towards the tunnel and the next train is due any minute',
    "there's a man on the outside of the railings on the viaduct, he won't talk to anyone",
    'our car is stuck in the ford and the water is coming in over the sills, my son is in the back',
    'my grandad is lying at the bottom of the stairs and we cannot rouse him',
    'a bloke is waving a blade at the bus driver and the doors are shut',
    'someone has followed me into the shop and is waiting outside the door, I am hiding by the tills',
    'the cows have got out and are loose on the bypass in the dark',
  ]
  for (const text of situations) {
    it(`recognises: ${text.slice(0, 60)}`, () => {
      assert.ok(situationEmergency(prepare(text)), JSON.stringify(describeSituation(prepare(text))))
      assert.ok(detectEmergency(text))
    })
  }

  const notSituations = [
    'is it illegal to take a shortcut along the lines at night?',
    'the leak under the sink has stopped now but the cupboard is still wet, is that a repair?',
    'who do I ask for sandbags in an emergency?',
    'the canal has been brim full all week, the swans love it 🦆',
    'saw a car drive into a flood in a film, would that really float?',
    'my son fell off his bike yesterday and hit his head, he seems fine, should he see the GP?',
    'we used to walk across the sandbank to the island as kids',
    'stuck behind a slow tractor on the bypass this morning, hope the farmer is ok',
  ]
  for (const text of notSituations) {
    it(`leaves alone: ${text.slice(0, 60)}`, () => {
      assert.equal(situationEmergency(prepare(text)), undefined)
      assert.equal(detectEmergency(text), undefined)
    })
  }

  it('scores the parts: hazard, now, exposure, no way out', () => {
    const s = describeSituation(
      prepare(
        'two kids are on the sandbank and the tide is coming in round them, they cannot get back, please',
      ),
    )
    assert.ok(s.hazard?.startsWith('water'))
    assert.ok(s.now && s.exposure && s.helpless)
    assert.ok(s.score >= SITUATION_THRESHOLD)
    // The same hazard described in the past, or asked about in general, scores nothing.
    assert.equal(describeSituation(prepare('what should I do if the tide cuts us off?')).score, 0)
  })

  it('keeps the description before a general question ("…, how long will they be?")', () => {
    assert.ok(
      detectEmergency(
        'a lad is on the wrong side of the bridge railings over the motorway, how long will police be?',
      ),
    )
  })

  it('asks one more part of an abusive message', () => {
    const text = 'a woman is sat on the edge of the car park roof'
    assert.ok(situationEmergency(prepare(text)))
    assert.equal(situationEmergency(prepare(text), true), undefined)
  })

  it('treats a break-in happening now as an emergency, and one in the past or in general as not', () => {
    assert.ok(detectEmergency('someone is trying to get in through my back window right now, help'))
    assert.ok(
      detectEmergency('two men are forcing the door of the flat below, I can hear them now'),
    )
    assert.equal(
      detectEmergency('our garage was broken into in March, will you check CCTV?'),
      undefined,
    )
    assert.equal(
      detectEmergency('what is the best way to stop people breaking into sheds?'),
      undefined,
    )
  })
})

describe('situation model: impaired drivers and overdue people (round 5)', () => {
  const emergencies = [
    "There's a woman in the pub car park who can barely stand and she's trying to start her van with her baby in the back.",
    "My dad went out on the fell at 8 this morning and said he'd be back by 2. It's gone 6, it's pitch dark and his phone goes to voicemail.",
  ]
  for (const text of emergencies) {
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))
  }
  const notNow = [
    "My daughter said she'd be home by 11 and it's now half 11, is that worth worrying about?",
    'Is it an offence to sit behind the wheel with the keys if you have had a drink?',
    'hope the next one of you standing in the road waving a torch gets clipped',
  ]
  for (const text of notNow) {
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
  }
})

describe('round 6: vehicles driven at people; every word of a safe context', () => {
  it('flags a rider going through a crowd now', () =>
    assert.ok(
      detectEmergency(
        'a car has mounted the pavement outside the school gates and is reversing back towards the parents',
      ),
    ))
  it('flags quad bikes riding at children in the park', () =>
    assert.ok(
      detectEmergency(
        'quads are riding at the kids on the rec, one nearly hit a boy, they keep coming back',
      ),
    ))
  it('does not read a street name and a smoke alarm as a road and a fire', () =>
    assert.equal(
      detectEmergency(
        'flat on Mill Lane, the smoke alarm in the hall is missing and the landlord says tough. is that allowed?',
      ),
      undefined,
    ))
  it('does not flag a question about a pavement-parking rule', () =>
    assert.equal(
      detectEmergency('Is it illegal for vans to keep mounting the pavement on our street?'),
      undefined,
    ))
})

describe('round 7: an abuser at or inside the home', () => {
  const situations = [
    "My ex isn't allowed near me and his van has just pulled up outside. He's sitting there watching the house and I'm on my own with the kids.",
    "he's in the house with me and won't let me leave, I'm typing this from the bathroom",
  ]
  for (const text of situations)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))

  const notSituations = [
    'Someone took my phone on the bus yesterday, can I get a crime number for the insurance?',
    'A car has been parked outside my house every night for weeks with a man in it. I am not in danger, but can you look into it?',
    'Does a restraining order stop him driving past the house?',
    'my ex keeps staring at the house when he drops the kids off, is that harassment?',
  ]
  for (const text of notSituations)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
})

describe('round 7: what the poster hears or smells now, written without "I"', () => {
  const situations = [
    'can hear the man upstairs smashing things and his partner screaming, it has been going on for ten minutes',
    "can smell burning and there's an orange glow behind the plug socket in the bedroom, the kids are asleep",
    "he's at the back door banging on the window saying he's coming in, we're upstairs",
  ]
  for (const text of situations)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))
  const questions = [
    'can you smell gas from a boiler that is switched off?',
    'can hear fireworks most nights in November, is there a curfew?',
    'Our tumble dryer caught fire in March and the crew were brilliant, thank you',
  ]
  for (const text of questions)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
})

describe('round 8: the situation model on ice and in live traffic', () => {
  const situations = [
    "the owner went out on the ice after his dog and the ice is cracking round him, he's shouting",
    'an old man is walking along the hard shoulder of the M62 in his slippers and lorries are flying past',
    "there's a woman in a dressing gown stepping out into the traffic on the ring road, she seems out of it",
  ]
  for (const text of situations) {
    it(`recognises: ${text.slice(0, 60)}`, () => {
      assert.ok(situationEmergency(prepare(text)), JSON.stringify(describeSituation(prepare(text))))
      assert.ok(detectEmergency(text))
    })
  }
  const notSituations = [
    // ice giving way with nobody on it
    'the frozen pond in the park is starting to thaw and the ice is cracking, kids will be disappointed',
    'is it ever safe to walk on a frozen pond if the ice is thick?',
    'the car mirror is hanging off after a lorry clipped it on the bypass',
  ]
  for (const text of notSituations) {
    it(`leaves alone: ${text.slice(0, 60)}`, () => {
      assert.equal(situationEmergency(prepare(text)), undefined)
    })
  }
})

describe('situation model, round 10: a structure leaning out over a place people use', () => {
  it('flags a wall that moved since a dated job and that people pass', () =>
    assert.ok(
      detectEmergency(
        'The gable end the roofers stripped on Monday is leaning out over the footpath. Shoppers walk past it all the time and the bus stop is right below.',
      ),
    ))
  it('leaves alone the same structure in a complaint with no one exposed', () =>
    assert.equal(
      situationEmergency(
        prepare(
          'The old fence has been leaning over the pavement for years, when will it be fixed?',
        ),
      ),
      undefined,
    ))
})
