import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { analyse } from './analyse.ts'
import { detectCrimeReport } from './crime-report.ts'
import { findPii } from './pii/pii.ts'

const detect = (text: string) => detectCrimeReport(text, findPii(text))

// Written for these tests, from services the labelled chats lack (fire, NHS, trading standards,
// council enforcement), so they check the vocabulary classes rather than any file's phrasing.
describe('crime report: an account of an incident with no intent phrase', () => {
  const reports = [
    'Someone smashed my car window last night outside the leisure centre and took my work bag.',
    'My neighbour has been dealing from his flat for weeks, cars pulling up at all hours.',
    "A man in a hi-vis jacket knocked on my mum's door yesterday claiming to be from the water board and took £200 off her. What details do you need?",
    'Kids set fire to the wheelie bins behind the shops again on Saturday night. Who do I send the video to?',
    "A patient's relative spat at our receptionist this morning and said he'd be back. Can someone look into it?",
    'Somebody has been dumping black bags behind the garages every weekend, I have photos.',
    'Our shed was broken into overnight and two bikes have gone. Can I still report it?',
    'my ex keeps messaging me from new accounts even though there is a court order, 14 since Monday',
    "Someone's been siphoning diesel from the farm vehicles at night, third time this month",
    // round 14: whom to send it to ("who should I…"), or passing it on in the passive
    "Two lads have been smashing the lights in the underpass every Saturday night. I've got clips of them on my doorbell camera. Who should I send them to?",
    'My neighbour at 5 Orchard Rise keeps a shed full of what look like stolen power tools and strangers collect them late at night. Can this be passed on without my name?',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const questions = [
    'What happens if someone smashes my car window, does my insurance cover it?',
    // round 14 near-misses: no account, or an imagined one
    'If someone is dumping rubbish by the recycling bins, who should I send photos to?',
    'Can information about drug dealing be passed on anonymously?',
    'Someone smashed my car window last night. Should I report it or is it not worth it?',
    'How do I report a neighbour who is dealing drugs from his flat?',
    'My car was broken into last night, will my insurance pay for the window?',
    'Someone stole my bike last week. Is it worth reporting or will nothing happen?',
    'My bike was stolen three years ago and the police did nothing, has anything changed?',
    'Is it illegal for my neighbour to park on the pavement every night?',
    'Is it an offence if my dog fouls the field at night and I do not see it?',
    'Got a fake parcel text this morning, do I need to report it or just delete it?',
    'The new housing officer who came last week was lovely. Shame it took 5 months to get him.',
  ]
  for (const text of questions) {
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
  }

  it('a report asking who to send evidence to is a crime report for the moderator', () => {
    const a = analyse(
      'Somebody keyed the whole side of my car in the Tesco car park on Sunday afternoon. I have the dashcam clip, where do I send it?',
    )
    assert.equal(a.kind, 'crime_report')
  })
  it('a question about what happens after a crime stays a question', () => {
    const a = analyse(
      'What happens if someone keys my car and I only have dashcam of the back of their head?',
    )
    assert.equal(a.kind, 'question')
  })
})

// Round 6: acts the earlier lists lacked, from other services than the labelled chats.
describe('crime report: nuisance driving, impersonation and housing offences (round 6)', () => {
  const reports = [
    'Two scramblers tearing up the cricket pitch at the rec every evening this week, one had the plate BD19 XKT.',
    'A man calling himself a council enforcement officer has been knocking on doors on Beech Road asking for cash fines since Monday.',
    'Flat above the chip shop at 12 Market Street has eleven lads in it, overcrowded and the landlord Peter Oakes never answers.',
    'my upstairs neighbour has been subletting her housing association flat to students since September',
    'The landlord changed the code on the door and locked us out on Friday night with the baby inside our things. Who is in charge of this?',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const questions = [
    'Is it illegal for my landlord to cut off the heating if I am behind on rent?',
    'Can I sublet my spare room if I am a council tenant?',
    'How do I check if a house in multiple occupation is licensed?',
    'Do e-scooter riders get chased by officers or is that too dangerous?',
    'What happens if someone is calling himself a counsellor without any qualifications, is that allowed?',
  ]
  for (const text of questions)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
})

describe('round 7: safety offences in a let, fireworks as weapons, violence overheard, watching', () => {
  const reports = [
    'Our letting agent has padlocked the fire escape at the flats on Hope Street since Friday. Who deals with this?',
    'The landlord of our HMO took the batteries out of every smoke detector on Friday and says they are a nuisance. Can someone come out?',
    'Lads put a lit firework through our letterbox last night, the hall carpet is scorched. My doorbell camera got them. Who do I give the footage to?',
    'The man in the flat above has been hitting his girlfriend again, we heard her screaming on Sunday and she had a black eye this morning.',
    'A white van has been parked opposite my house every evening this week with a woman sat in it. Reg on request.',
    'Two men knocked on every door in our cul-de-sac yesterday offering gutter cleaning, they only stop at the bungalows.',
    'Somebody is using my photos on a dating site pretending to be me. Can I report it to you or is it Action Fraud?',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const notReports = [
    'Is it legal for a landlord to padlock a fire exit if the building is empty?',
    'Energy firms cold calling pensioners on a Sunday should be banned.',
    'How do I know if someone is pretending to be me online? Can I report it?',
    'Can you put a sign through the letterbox saying no cold callers?',
  ]
  for (const text of notReports)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
})

describe('round 7: the account rule has a length cap', () => {
  it('does not read 64 KiB of a repeated act as an account (it would cost over 50 ms)', () => {
    const text = 'sat outside my house on Friday '.repeat(2200)
    assert.equal(detect(text), undefined)
  })
})

describe('round 8: watching and filming people, passing off as staff, theft into a vehicle, driving', () => {
  // Written for these tests: the classes behind set O's missed reports, in other words.
  const reports = [
    'A man has been sitting outside the school gates in a blue van every afternoon this week taking pictures of children.',
    'Someone in the queue at the surgery was filming patients on Tuesday and put it on Facebook with horrible comments.',
    'A firm told my nan they were council approved and she paid them £900 upfront on Friday for a driveway that never got laid.',
    'Two lads were loading sandbags from the flood store into the back of a transit this morning, reg AB12 CDE.',
    'A silver Audi overtook a queue of traffic on the double white lines by the school at 8:30 today.',
    'The bus shelter on Park Road was set on fire on Sunday night, same lads as always.',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const notReports = [
    'Good to see speeding being taken seriously at last, thanks all.',
    'partners still get kicked out of the ward at 9pm every night 🙄',
    'My dashcam caught a car that ran a red light this morning. What format do you need the video in?',
    'The tailgating on the bypass is getting worse every week.',
    "The council website keeps crashing when I try to pay, I've got screenshots.",
  ]
  for (const text of notReports)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
})

describe('incident accounts, round 9 classes', () => {
  const reports = [
    // waste burnt in the open
    'The scrapyard behind the allotments has been burning tyres every evening this week, thick black smoke, I have video.',
    // fires started on purpose
    'Some teenagers started a fire on the playing field last night and ran off towards the flats.',
    // drug dealing and children drawn into it
    'Every afternoon a car pulls up by the park and a lad is handing packages through the window to kids in school uniform.',
    "There's a man who has been messaging my daughter on Snapchat offering her money to carry bags to Preston since January.",
    'The flat upstairs has people being let in at all hours every night since March.',
    // property thrown away, and a question about what the poster holds
    'The defibrillator cabinet on the green was smashed on Friday and the unit thrown in the pond.',
    "Our shed was broken into last night and two bikes taken. Who do I ask for the footage from the council's camera?",
    'Someone smashed the glass in the bus shelter on our road on Tuesday. What can be done?',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const notReports = [
    'My van was broken into last month and I got a crime number and heard nothing, is that normal?',
    'Is burning garden waste in a bin allowed in a smoke control area?',
  ]
  for (const text of notReports)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
})

describe('crime report, round 10: acts on land and property, identity and marks misused', () => {
  const reports = [
    'Someone cut through the padlock on our allotment gate overnight and took two strimmers.',
    'A 4x4 drove across the cricket pitch on Saturday night and tore the square up, we have the reg.',
    'Two men lamping in the country park at 2am on Friday with a white pickup.',
    "Our neighbour's dogs got in with the goats on Sunday and injured three, it's all on our camera.",
    'Someone has been ordering catalogues using my name at an old address since January.',
    'A gardening firm is using the hospice charity logo on its flyers and says a share goes to us. The leaflet gives a mobile number.',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const notReports = [
    // the same words as questions, history or thanks
    'Do I need permission to be on the bridleway with a horse box?',
    'I put in a report about my stolen van last month and have not heard anything since, who do I chase?',
    'Thank you for coming out about the shed break-in last week, you caught them and we got our tools back!',
    'The new logo on your letters looks much better than the old one.',
  ]
  for (const text of notReports)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
})

describe('round 11: drinks spiked, a post claimed to take money', () => {
  const reports = [
    "Someone slipped something into my girlfriend's drink at the Crown last Saturday, the door staff saw it on CCTV. Who do I send the details to?",
    "A woman called at my dad's on Monday saying she was a fire safety inspector and that his alarms would fail, and charged him £150 cash. Can this be looked into?",
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const notReports = [
    // whether it can still be reported after a time is a question about the rules
    'My daughter thinks she was spiked at a festival in the summer. Can she still report it after this long?',
    'What are the signs that a drink has been spiked?',
    // a claim imagined
    'If someone says they are a council officer and asks for cash, should I pay them?',
  ]
  for (const text of notReports)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
})

describe('round 12: a need to investigate, equipment torn down, waste burnt, a charge passed off as official', () => {
  const reports = [
    'Somebody logged into my parking permit account and cancelled our permit. I never did that. I need it investigated and the permit put back.',
    'Two men ripped the defibrillator cabinet off the wall of the village hall on Sunday night. The cables were cut.',
    'The yard at the end of our road is burning old pallets and paint tins most evenings since October, the smell is awful. Can someone deal with them?',
    'A man at the car boot on Saturday was taking £3 off everyone at the gate, telling them it was a council charge for parking.',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const notReports = [
    // the same words as questions, topics or opinions
    'How do I get a hacked account on the admissions portal investigated?',
    'Anyone who says air pollution is exaggerated should walk past the school gates at 3pm.',
    'Is burning old garden waste allowed on an allotment in summer?',
    'I paid the council fee for the bulky waste collection on Monday, when will it be picked up?',
  ]
  for (const text of notReports)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
})

describe('round 13: who may report, a general "reporting something", a slow earlier report', () => {
  const reports = [
    'Two lads kicked in the bus shelter glass on Carr Lane at 11pm last night. Can I report it on here?',
    'Reporting a man who has been fly-tipping tyres behind the leisure centre every Sunday morning.',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const notReports = [
    'My neighbour was shouted at and spat on outside the library last week. Can I report it for her, on her behalf?',
    "I watched a lad get his bike stolen at the station on Friday. Can I still report it even if I don't know him?",
    'Reporting something anonymously — does the council actually follow up fly-tipping tips?',
    'Told the warden about the fly-tipping behind the flats in June. Took four emails before anyone even wrote it down.',
  ]
  for (const text of notReports)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
})
