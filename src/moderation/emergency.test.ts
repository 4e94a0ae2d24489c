import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectEmergency, isCalm } from './emergency.ts'
import { prepare } from './prepared.ts'

describe('detectEmergency', () => {
  const emergencies = [
    'my husband has collapsed in the kitchen and is not breathing, what do I do',
    'There is smoke pouring out of the flat below us right now and the alarm is going off',
    'a lad has just been stabbed outside the chippy on Station Road, he is bleeding badly',
    'car has gone into the canal by the lock and someone is still inside!!',
    'My friend says she has taken a load of pills and wants to end it all, she is not answering the door now',
    'two men are breaking in to the house across the road as we speak',
    'the baby has blue lips and is struggling, we are waiting for the GP to ring back, should we wait?',
    // present-tense frames around a hazard, and "ago" with minutes is still now
    "there's a man on the railway bridge threatening to jump",
    'my gran took all her tablets about 10 minutes ago and is getting sleepy, she has taken all of them',
    "my daughter is 16 and hasn't come home, her phone is off, it's 2am",
    // spreading in progress, and a vulnerable person found next to traffic
    'the grass fire on the common has jumped the road and the garden fences are catching',
    'a little girl, maybe 4, is on her own at the edge of the bypass, I am with her now',
  ]
  for (const text of emergencies) {
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))
  }

  const notEmergencies = [
    'What should I do if I find someone collapsed in the street?',
    'If there is a fire in a block of flats, should we stay put or get out?',
    'My son was bitten by a dog in 2021 and still has a scar. Is there any compensation?',
    'Last year our shed was set on fire by kids, is arson common round here?',
    'My toddler has a temperature of 38.5, should I take her to A&E or ring 111?',
    'How do I get a new wheelie bin delivered?',
    'Is it 999 or 101 if I see someone driving dangerously?',
    // equipment, habits, denials and questions that open by asking
    'My smoke alarm keeps chirping every 30 seconds, is the battery low?',
    'The lads opposite set fire to the bins every night, it is getting beyond a joke',
    'How do I help a friend who thinks about ending her life but is not in danger right now?',
    'Is chest pain after a booster something to ring 111 about?',
    // background history, reassurance, remarks, phishing, things that go missing
    'He had a seizure once as a toddler and has been fine since. Can he go on the school trip?',
    'her cough has been on and off for a fortnight but she is still eating, GP or A&E tonight?',
    'Top tip from tonight: a candle fire can take hold in minutes.',
    'NHS: you are eligible for a smoke alarm grant. Verify now at nhs-grants.example today',
    'His watch and £40 have gone missing from the ward, who do I tell?',
    'What should I do if a confused old man is wandering near the road?',
    // round 3: over with, a remark, fiction, sympathy after the event, a light fitting
    'the pipe under the bath has stopped leaking now but the light fitting below is wet, safe to use?',
    'this thread is on fire tonight 🔥🔥',
    'watched a lorry fire on the news at ten in a film-like blaze, hope the driver is ok',
  ]
  for (const text of notEmergencies) {
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
  }

  it('asks more of an abusive rant than a weak sign', () => {
    const rant = 'you useless lot, the bins were on fire again tonight and nobody came'
    assert.ok(detectEmergency(rant))
    assert.equal(detectEmergency(rant, { abusive: true }), undefined)
    assert.ok(
      detectEmergency("you clowns, there's a fire in the stairwell right now", { abusive: true }),
    )
  })

  it('reads reassurance and a lasting complaint with an A&E question as calm', () => {
    assert.ok(isCalm(prepare('temperature for three days, should we go to A&E?')))
    assert.equal(isCalm(prepare('temperature since this morning, should we go to A&E?')), false)
  })
})

describe('round 7: coerced on the doorstep, a disclosure dressed as "if", things named as equipment', () => {
  const emergencies = [
    "two men at my mum's door are insisting she drives them to the bank right now to pay for the roof",
    "there's a builder in the hall saying I have to come to the cash machine with him right now or he'll not leave",
    "if my ex is at the door right now and I'm hiding upstairs, can I just message you on here?",
  ]
  for (const text of emergencies)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))

  const notEmergencies = [
    "We've just had the coal fire swept. Do we still need a carbon monoxide alarm in that room?",
    'I just fitted a new log burner in the lounge, does it need a hearth?',
    'There is a sign on my door saying no salesmen and they still ring the bell every week.',
    'The rep was at the door for an hour and I just wanted him to go. Can I cancel the order?',
    'What should I do if someone is insisting I go to the bank with them?',
    'If a trader asks me to go to the cashpoint right now, is that a scam?',
    'If my ex turns up at the door right now, can I ring 999 even though nothing has happened?',
  ]
  for (const text of notEmergencies)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
  it('still reads a CO alarm going off with symptoms as an emergency', () =>
    assert.ok(
      detectEmergency(
        'the carbon monoxide alarm keeps beeping and my son is really drowsy and sick',
      ),
    ))
})

describe('round 8: labour and birth, bleeding told plainly, a person hit, things that hang off', () => {
  // Written for these tests: the classes behind set O's misses, in other words and services.
  const emergencies = [
    "I'm 33 weeks and my waters have just gone, I think I can feel the cord coming out, nobody else is home",
    "she's only 30 weeks and had some sort of fit in the bath just now, now she's really drowsy",
    "had the baby at home this morning and now blood is pouring out of me, I've soaked through three pads",
    "contractions are 2 minutes apart, she has the urge to push and we're still at home in the snow",
    "a van has just hit a cyclist at the lights on the high street, there's blood on the road",
    'man collapsed outside the post office and nobody is stopping pls help',
    // "the engine is still running" is no reassurance about a person
    "we've found a car in a ditch, the engine is still running and the driver is slumped over the wheel",
  ]
  for (const text of emergencies)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))

  const notEmergencies = [
    'My wing mirror is hanging off after someone clipped it in the car park, who pays for that?',
    "Our snow plough blade has been stolen from the village hall and we're stuck without it.",
    'We all just need to do our bit and clear the pavement outside our own houses.',
    'ive had enough of the speeding on our road, how do i get a speed camera put up',
    "Our car was set on fire twice this month, the second time last night, and we're sick of it.",
    "There's some blood in my wee since yesterday, should I see the GP or go to a walk-in centre?",
    "My baby's head is a bit flat on one side at the back. Is that normal at 3 months?",
  ]
  for (const text of notEmergencies)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
})

describe('detectEmergency, round 9 classes', () => {
  const emergencies = [
    // bleeding told as a flow that will not stop
    "sliced my thumb on a tin lid, it's still spurting and I feel sick",
    'the cut on his leg is bleeding through the towel now and he has gone pale',
    // something swallowed that harms within hours, however well the child seems
    'my son has just swallowed a magnet off the fridge, he seems fine and is still playing, do we need to do anything?',
    'toddler just chewed a washing pod and swallowed some, she seems ok',
    // a person held against their will, told by someone else
    "my sister just texted that her ex has locked her in the bedroom and won't let her out, she's whispering on the phone",
    "my 14 year old says two older lads have him in a car and won't let him get out, he sounds terrified",
  ]
  for (const text of emergencies)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))

  const notEmergencies = [
    // a choice between two services that are not 999
    'My son twisted his ankle at football and it has swollen up. Minor injuries unit or A&E?',
    'Fell off my bike this morning and my wrist is sore and swollen, is it the UTC or the GP?',
    // a symptom denied
    'I bumped my head on a cupboard, no bleeding and no headache. Anything to watch for?',
    // a condition told as history
    "My mum's had a stroke and walks with a frame. Can she bring her own wheelchair to clinic?",
    // a habit
    'My dad always manages to burn himself on the oven, do you run first aid classes?',
    'Most weekends the lads next door set off fireworks in the field.',
    // a repeat counted by its order
    'The bin at the bus stop was set alight again, third time this week.',
    // a place described by where it lies, and a service named
    'We live on the edge of the village next to the woods, are wood burners allowed during a hosepipe ban?',
    'Hello Lancashire Fire & Rescue, my son would like to visit a station, is that possible?',
    // harm wished on the reader (abuse, not an event)
    'hope your headquarters is burning down next time you lot',
  ]
  for (const text of notEmergencies)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
})

describe('detectEmergency, round 9: collapse signs and water rescues', () => {
  const emergencies = [
    "grandad has just slumped in his chair, his lips look grey and he's not answering",
    'a man went in after his dog at the weir 5 mins ago and we cant see him now',
    'the paddleboard is still going out past the buoys and the girl on it isnt paddling',
  ]
  for (const text of emergencies)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))
  it('does not flag the same words in advice', () =>
    assert.equal(
      detectEmergency('What should I do if someone goes in after a dog at the coast?'),
      undefined,
    ))
})

// Round 10: written for these tests (other services and places than the set studied), each class
// with a near-miss that must stay unflagged.
describe('detectEmergency, round 10: symptoms told plainly, threats and thefts under way', () => {
  const emergencies = [
    // stroke signs with a recent moment
    "my nan's speech is slurred and her mouth has dropped on one side in the last hour, she wants a lie down",
    "Grandad's words are coming out wrong since teatime and his arm has gone weak, he's just sat there",
    // a whole supply taken, however calm
    "my brother swallowed the whole bottle of his painkillers about two hours ago, he says he's fine",
    // a smell of gas with people in it
    "the hallway stinks of gas and my dad is getting a headache, we're all still inside",
    // someone pinned under a vehicle or machine
    'the trailer tipped and my cousin is pinned under it, he says he cant feel his legs',
    // a weapon swung or a stabbing threatened now
    'a man in the car park swung a crowbar at the attendant and is still there shouting at people',
    "a customer at the counter says he'll stab the pharmacist if she doesn't hand over his pills, he's by the till",
    // a theft under way at a property, with a strong sign
    'Right now there is a flatbed backed up to the depot shed and two men carrying boxes out',
    // a story told with "when" and a past verb is not a question
    'There are lads in our yard right now. When I went out one of them swung a bat at me.',
  ]
  for (const text of emergencies)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))

  const notEmergencies = [
    // questions about the same signs
    'What are the signs of a stroke apart from the face drooping on one side?',
    'Is it dangerous to take a whole box of hay fever tablets over a month?',
    'Who do I ring if the house smells of gas but nobody feels unwell?',
    'How long does numbness last after an epidural, will I be able to feel my legs the same day?',
    // a threat to oneself as pressure, told in the past
    'Her ex told her he will hurt himself if she stops replying. Is that coercive control?',
    // a past time on the whole sentence, and a thing left on the floor
    'The lads who smashed the bus shelter last week were on the news.',
    'Whoever broke into the allotment shed left the bolt cutters on the floor and took the mower.',
    // a prescription changed, and a trader who has gone quiet
    'The pharmacy switched my tablets to a different make, can they do that?',
    'Our plumber has been gone three weeks with the boiler in pieces, what can I do?',
    // a theft-like phrase with no sign of the present
    'Is it normal for a delivery van to be backed up to the loading bay all morning?',
    // a conditional that is not a threat
    "We'll go to the surgery tomorrow if his cough gets worse.",
  ]
  for (const text of notEmergencies)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
})

describe('round 11: lips changing colour, heart signs asked as a choice, fire heading home, intent said recently', () => {
  const emergencies = [
    // lips changing colour, however hedged
    "Dad came in from the allotment and now he's slumped in his chair, his lips are going slightly blue",
    // heart attack signs with a choice of services that are not 999
    "There's a heavy pain in my chest going down my left arm, started about 15 minutes ago. Pharmacy or 111?",
    // a fire heading for the poster's home, told with a nervous joke
    'haha the lads over the road lit a bonfire and the flames are spreading towards our fence now 😅',
    // intent said days ago, the person out of reach now
    "Yesterday my brother told me he wanted to end it all. His phone is off and he won't open the door of his flat.",
  ]
  for (const text of emergencies)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))

  const notEmergencies = [
    // questions about the same signs, or signs denied
    'Is it normal for a baby to have lips a bit blue after a cold bath?',
    "My lips go a bit blue when I'm out in the cold, nothing else wrong.",
    "Her lips aren't blue at all, she's warm and chatting after the jab.",
    // days of it, or reassurance, with the same choice
    "I've had chest pains on and off for a week since my booster, GP or 111?",
    // a joke without the poster's home in danger, and a hypothetical
    'lol the bonfire at the park is spreading nicely 🔥 great night',
    'lol their barbecue smoke is drifting towards our washing now 🙃',
    'If a grass fire spread towards our houses, would you ring us? lol',
    // intent said recently, the person safe now; or said years ago
    "Last week my friend said she wanted to end it all. She's staying with us now and saw the crisis team today, what else helps?",
    "Years ago my cousin said he wanted to end it all and now he isn't answering my texts about the wedding.",
  ]
  for (const text of notEmergencies)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
})

describe('round 12: breath too short to speak, someone frail gone, not where they were left; deadlines and things lying about', () => {
  const emergencies = [
    // an asthma attack the reliever is not touching, or breath too short for speech
    "My girl is wheezy and says her inhaler isn't helping, she can't speak in full sentences now",
    "Grandad's chest is heaving and he cannot finish his sentences, we've done the spray twice",
    // someone frail or exposed gone now, told with a nervous laugh
    "lol dad's wandered off from the care home again, been gone two hours now and he's only in his slippers",
    // not where they were left or due, with nobody answering
    "The minibus say they dropped my son at the gate at 4 but he's not here, it's nearly dark and the driver isn't picking up",
  ]
  for (const text of emergencies)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))

  const notEmergencies = [
    // a question about an asthma attack, and an attack told as history
    'What should my son do if he has an asthma attack during PE when the pollen is high?',
    'My son gets asthma attacks when the pollution is bad, should he stay in at break?',
    // going missing counted, or a pet gone with no one at risk
    'Is there a form for a relative who has gone missing several times from his supported flat?',
    "My stepson has gone missing 5 times since Easter and he's always back by midnight. Is there a scheme for that?",
    "lol the cat's been gone since breakfast again, she always turns up for tea",
    // a trader who has not turned up
    "The plumber said 9am but he's not here yet and nobody at the office is answering now",
    // a deadline, the air as a subject, a thing lying somewhere
    "We're right on the edge of the cut-off for the school bus, how is the distance measured?",
    'Someone has snapped the speed sign by the bridge, it is lying in the hedge with its post bent',
    'The clean air zone sign near the ring road looks wrong, who checks the air quality readings?',
    // a weekly habit
    'The garage behind us burns rubbish every Saturday morning and the smoke is horrible',
  ]
  for (const text of notEmergencies)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
})

describe('signs of sepsis or meningitis together (round 13)', () => {
  const emergencies = [
    'my toddler has a temperature of 39, keeps shivering and now there is a rash on her tummy and she is really drowsy',
    "had a c-section a week ago and now I'm shivering, confused and my skin looks grey. is this normal??",
    'baby is 9 months, hasnt had a wee since breakfast, very pale and grunting now, 111 or 999?',
  ]
  for (const text of emergencies)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))

  const notEmergencies = [
    'What are the signs of sepsis? Is a rash with a fever and a stiff neck a reason to go to A&E?',
    'Last winter my son had a fever, a stiff neck and a rash and it was meningitis. He has recovered well.',
    "She's got a rash and a bit of a fever but she is still playing and eating, should I worry?",
    'now that the rash leaflet is out, will it cover fever and being sick in babies too?',
  ]
  for (const text of notEmergencies)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
})

describe('round 14: sudden collapse or confusion after an illness, told after "and now"', () => {
  const emergencies = [
    "my grandad has had a stomach bug since Tuesday and now he can't stand up and isn't making sense, should we wait for the GP?",
    "my nan's had a water infection since the weekend but now she's not making sense and she can't stand up, GP or 111?",
  ]
  for (const text of emergencies)
    it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detectEmergency(text)))

  const notEmergencies = [
    "My dad had a fall in March and now he can't stand up for long without his frame, can he get a carer?",
    "had knee surgery in May and now I can't stand up for long without pain, can I get a physio referral?",
    "I read the leaflet twice and now the part about council tax bands still isn't making sense, who can explain it?",
    "my dad had flu last week and couldn't stand up for a day, he's much better now",
  ]
  for (const text of notEmergencies)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detectEmergency(text), undefined))
})
