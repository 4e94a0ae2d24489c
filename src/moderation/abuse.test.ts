import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectAbuse, isMaskedSwear } from './abuse.ts'

describe('detectAbuse', () => {
  const abusive = [
    'you are all useless morons at the fire service',
    'what a bunch of numpties running this council',
    'shut up you pillock',
    'f*** you and your survey',
    'I know where you live, councillor',
    'hope your nurses get what they deserve, watch your back',
    'absolute muppets',
  ]
  for (const text of abusive) it(`flags: ${text}`, () => assert.ok(detectAbuse(text)))

  const obfuscated = [
    'you lot are 1d10ts',
    'bunch of m u p p e t s',
    'you c\u200blowns',
    'you \u0441l\u043ewns', // Cyrillic с and о
    'ѕhut up you mоrons', // Cyrillic ѕ and о
    'you lot are ＩＤＩＯＴＳ', // full-width letters
    'sh*tbags the lot of you',
    'u r a b s o l u t e c l o w n s', // a run that swallowed "u", "r" and "a"
    'you lot are s c r o u n g e r s',
  ]
  for (const text of obfuscated) it(`sees through: ${text}`, () => assert.ok(detectAbuse(text)))

  const veiled = [
    'I know where that inspector lives. Be a shame if something happened to his windows.',
    'Tell your warden I know where he parks. Would hate for anything to happen to it.',
    'shame if your car got scratched, councillor',
  ]
  for (const text of veiled)
    it(`reads a veiled threat: ${text}`, () => assert.ok(detectAbuse(text)))

  const notThreats = [
    'It would be a shame if the library closed.',
    'I know where the fly tippers live, can I give you their names?',
    'do you know where he lives? he owes me money',
  ]
  for (const text of notThreats)
    it(`leaves alone: ${text}`, () => assert.equal(detectAbuse(text), undefined))

  const clean = [
    'Is the Scunthorpe office open on Saturdays?',
    'I live in Penistone, do you cover us?',
    'We moved from Cockermouth to Middlesex last year',
    'Bins in Clitheroe and Sexhow are collected on Fridays',
    'The online form is useless on a phone, please fix it',
    'Punishing everyone for the actions of a few idiots is unfair',
    'I clicked the link like an idiot, what now?',
    'Criticism: the answers tonight have been vague and slow.',
  ]
  for (const text of clean)
    it(`leaves alone: ${text}`, () => assert.equal(detectAbuse(text), undefined))

  it('reads asterisked swearing', () => {
    assert.ok(isMaskedSwear('f***'))
    assert.ok(isMaskedSwear('sh*t'))
    assert.equal(isMaskedSwear('breeds*'), false)
  })
})

describe('wishes of harm aimed at staff (round 5)', () => {
  const wishes = [
    'hope the next one of you standing at a checkpoint gets knocked flying',
    'hope every one of your managers ends up on the waiting list they made',
    'hope one of you drowns on the next rescue, useless lot',
  ]
  for (const text of wishes) it(`flags: ${text.slice(0, 50)}`, () => assert.ok(detectAbuse(text)))
  const kind = [
    "hope your staff don't get knocked about by the drunks this weekend",
    'hope you end the consultation before Christmas',
    'I hope they catch whoever knocked my wing mirror off',
  ]
  for (const text of kind) {
    it(`does not flag: ${text.slice(0, 50)}`, () => assert.equal(detectAbuse(text), undefined))
  }
})

describe('round 6: abuse aimed at staff by role, and reported threats', () => {
  const abusive = [
    // an insult placed on a staff noun, or said of one
    'brainless coppers could not find their own station',
    'the receptionist at the surgery was an absolute joke, thick as anything',
    'that warden is so pathetic, writing tickets all day',
    // spaced letters with a leet digit
    'bunch of m0rons',
    'i d 1 o t s the lot',
    'c l 0 w n s running this trust',
    // told to live in fear, wishes of bodily harm
    'your sergeant had better start looking over his shoulder',
    'hope them wardens slip on the ice and get injured',
    // knowing where staff live, with a visit announced
    'I know the councillor who voted for this lives off Oak Lane. Might pay him a visit.',
  ]
  for (const text of abusive) it(`flags: ${text.slice(0, 50)}`, () => assert.ok(detectAbuse(text)))

  const notAbuse = [
    // a threat the poster reports receiving, quoted
    'My daughter was messaged "watch your back" by a girl in her year. What can the school do?',
    'a man in a car shouted "I know where you live" at my dad, should we ring 101?',
    // criticism of staff without an insult
    'the officer was useless, never rang me back',
    'the officer said the old system was a joke and the new one is better',
    'our nurse was so patient with my mum',
    'I know the nurse who lives next door, she recommended the talking therapies',
    'we know where the riders park up, can we tell you privately?',
  ]
  for (const text of notAbuse)
    it(`leaves alone: ${text.slice(0, 50)}`, () => assert.equal(detectAbuse(text), undefined))
})

describe('round 6: where staff live or leave their cars', () => {
  const threats = [
    'The inspector who shut my takeaway lives above the bakery on King Street. Someone should pay him a visit.',
    'We know where your wardens leave their vans overnight. Be a shame if anything happened to them.',
  ]
  for (const text of threats) it(`flags: ${text.slice(0, 50)}`, () => assert.ok(detectAbuse(text)))
  it('leaves alone a friendly mention of where staff live', () =>
    assert.equal(
      detectAbuse('Our community nurse lives in the village and pops round to see mum most weeks.'),
      undefined,
    ))
})

describe('round 7: the person behind the chat, warnings given as threats', () => {
  const abusive = [
    'whoever is replying on here today is a complete muppet',
    "whoever's manning this page is an absolute clown",
    'you turn up at our allotment again and there will be trouble. consider yourselves warned',
    "touch my van one more time and don't say you weren't warned",
  ]
  for (const text of abusive) it(`flags: ${text.slice(0, 50)}`, () => assert.ok(detectAbuse(text)))

  const civil = [
    'whoever is running this account, thank you, the answers are brilliant',
    'whoever keeps dumping mattresses in the lane is a clown',
    'I was warned about the fine, consider the lesson learned',
  ]
  for (const text of civil)
    it(`does not flag: ${text.slice(0, 50)}`, () => assert.equal(detectAbuse(text), undefined))
})

describe('round 7: denied insults, quotes in single marks, knowing which station', () => {
  it('flags knowing which station or depot staff work from', () =>
    assert.ok(
      detectAbuse(
        'I know which depot you lot work out of. Might come and see you after your shift',
      ),
    ))
  it('leaves alone an insult denied', () =>
    assert.equal(
      detectAbuse("To whoever needs to hear it: you're not an idiot for staying so long."),
      undefined,
    ))
  it("leaves alone a threat quoted in single marks after 'saying'", () =>
    assert.equal(
      detectAbuse(
        "My ex left a voicemail saying 'you'll regret this' last week. Can that be used as evidence?",
      ),
      undefined,
    ))
  it("still reads the poster's own words in single marks", () =>
    assert.ok(detectAbuse("you'll regret it 'officer', I know where you live")))
})

describe('round 8: sarcastic praise, superlatives, comparisons, knowing where the office is', () => {
  const abusive = [
    'you lot are absolute geniuses, closing the tip on a bank holiday 🙄',
    "what a bunch of rocket scientists, gritting the roads after the snow's melted",
    "the laziest bunch of call handlers I've ever dealt with",
    'the midwives on that ward are stupid',
    'I know where your depot is and so do a lot of angry people round here',
  ]
  for (const text of abusive) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectAbuse(text)))
  const notAbusive = [
    'the man in the Corsa was driving like a complete idiot past the school this morning',
    'the engineers who fixed our boiler are absolute geniuses, thank you so much',
    "I know where the police station is, I'll hand the wallet in there tomorrow",
  ]
  for (const text of notAbusive)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectAbuse(text), undefined))
})

describe('detectAbuse, round 9: a home or building destroyed, wished on the reader', () => {
  it('flags a wish that their building burns or floods', () => {
    assert.ok(detectAbuse('hope your depot is burnt to the ground by christmas'))
    assert.ok(detectAbuse('i hope your office gets flooded with sewage, useless lot'))
  })
  it('does not flag the same words as sympathy or news', () => {
    assert.equal(
      detectAbuse('I hope nobody was hurt, the old mill burnt down last night'),
      undefined,
    )
    assert.equal(
      detectAbuse('hope your crews stay safe, the moor has been burning all day'),
      undefined,
    )
  })
})

describe('detectAbuse, round 10: a worker warned, spaced insults, waiting to see', () => {
  it('flags a warning about a named worker', () => {
    assert.ok(detectAbuse('I know the housing officer who refused us. He better watch himself.'))
    assert.ok(detectAbuse("that nurse on ward 6 wants to watch herself, i'm not joking"))
  })
  it('flags an insult placed on staff past an article and a superlative', () => {
    assert.ok(detectAbuse('the wardens are the worst jumped up little hitlers in the county'))
    assert.ok(detectAbuse('the call handlers are the rudest d r a g o n s going'))
  })
  it('does not flag the same words in care or in a story', () => {
    assert.equal(detectAbuse('Since her fall mum has to watch herself on the stairs.'), undefined)
    assert.equal(detectAbuse('The dog jumped up at the receptionist but she was fine.'), undefined)
    assert.equal(detectAbuse('My grandson loves the dragons at the museum.'), undefined)
  })
  it('does not read waiting to see as a threat', () => {
    assert.equal(
      detectAbuse("We'll see what happens next spring when the new bins come in."),
      undefined,
    )
    assert.ok(detectAbuse('Come near my gate again and see what happens.'))
  })
  it('reads a call to teach a worker a lesson as a threat (round 11)', () => {
    assert.ok(
      detectAbuse('That warden is a jobsworth. Someone should teach him a lesson after his shift.'),
    )
    assert.equal(
      detectAbuse('The speed awareness course is meant to teach drivers a lesson.'),
      undefined,
    )
  })
  it("insults the reader's children only when aimed (round 12)", () => {
    assert.ok(detectAbuse('Take your whining brats somewhere else if the bus is too slow for you.'))
    assert.equal(
      detectAbuse('The brats on the back seat of the 42 were kicking the seats again.'),
      undefined,
    )
  })
})
