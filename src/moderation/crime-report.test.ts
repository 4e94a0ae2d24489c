import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectCrimeReport } from './crime-report.ts'
import { findPii } from './pii/pii.ts'

const detect = (text: string) => detectCrimeReport(text, findPii(text))

describe('detectCrimeReport', () => {
  const reports = [
    'I want to report my neighbour for dumping builders rubble in the alley every weekend.',
    "I'd like to report a man who keeps shouting abuse at the receptionists at our GP surgery.",
    'Reporting a stolen bike from outside the library on Tuesday, black Carrera, frame number on request',
    'somebody smashed the windows of the bus shelter last night, want it on record',
    'Someone has been dumping tyres in the lay-by every week, I have photos of the van, reg AB12 CDE.',
    'I need to report a fake charity collector, he had a lanyard and took £20 from my mum. What details do you need?',
    // "want it reported / looked into", and a request to trace the offender
    "Money keeps vanishing from my nan's room at the care home. I want it reported, who handles that?",
    'The garage on Mill Street is selling tyres that look stolen. Want it looked into.',
    'Rubble dumped on the verge overnight again, can you trace whoever did it?',
    // round 14: the wish said with "looked at" or with "someone" to do it
    'A white van has sat on the verge by the school for a month with no tax. Just want someone to look into it.',
    'The chip shop on Fore Street leaves its bins spilling onto the pavement every weekend. Want it looked at.',
    // round 14: trading or caring for others without registering
    'A man at 14 Larch Close cuts hair in his garage for cash, six or seven clients a day. Pretty sure he is not registered with anyone.',
    "The woman at 3 Ferry Row is running a nursery for a dozen kids from her flat, I don't think she's registered.",
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const notReports = [
    'How do I report fly-tipping on my street?',
    // round 14 near-misses: the same wish inside a question about whom to ask
    'If I want someone to look into an abandoned car, who do I contact?',
    'Who would I ask if I want it looked at by an officer?',
    'Do childminders have to be registered with the council?',
    "I run a cake stall from home. What happens if I'm not registered yet?",
    'Is it worth reporting a scam text to anyone?',
    'I was scammed two years ago and never reported it. Is it too late?',
    'Where can I report a missed bin collection?',
    'I want to report a missed bin, it has been 3 weeks.',
    'Reported my car stolen in May and heard nothing. Is that normal?',
    'Should I report a pothole to you or to the highways team?',
    "How do I get it looked into if my mum's care home loses her things?",
    "I've reported fly-tipping on our lane before and nothing ever happens.",
  ]
  for (const text of notReports) {
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
  }
})

describe('round 6: an intent phrase refused, put off or about a record', () => {
  const notReports = [
    "My neighbour's lodger seems to be dealing but I don't want to report him until I'm sure. What are the signs?",
    'Do you wait 24 hours before reporting a missing teenager?',
    'How long does a caution stay on record for a job application?',
  ]
  for (const text of notReports)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
  it('still flags a wish to report made before something happens', () =>
    assert.ok(
      detect('I want to report the van dumping rubble on Elm Road before someone gets hurt.'),
    ))
})

describe('round 7: wishes to report in other words', () => {
  const reports = [
    'My dad was charged £4,000 for a loft job that was never done. He has asked me to report it for him.',
    'The trader who resurfaced our path overcharged my mum by thousands. We want him investigated.',
    "The woman next door has bruises every week and won't talk about it. I want the police to know.",
    'Someone has been siphoning diesel from the tractors at the yard. Thought you should know.',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))
  it('leaves alone a question about reporting for someone else', () =>
    assert.equal(
      detect('Can I report a scam for my gran or does she have to do it herself?'),
      undefined,
    ))
})

describe('round 8: a wish that an authority knows', () => {
  const detect = (text: string) => detectCrimeReport(text, findPii(text))
  it('reads "we would like trading standards and the police to know" as a report', () =>
    assert.ok(
      detect(
        "We'd like trading standards and the police to know about the man selling tickets outside the ground on Saturday.",
      ),
    ))
  it('leaves alone a question about what the police want to know', () =>
    assert.equal(
      detect('How much do the police want to know before they send someone?'),
      undefined,
    ))
})

describe('detectCrimeReport, round 9: a wish that someone is stopped or caught', () => {
  const reports = [
    'A woman keeps turning up at my nan’s door asking for cash for a charity that does not exist. I want her stopped.',
    'Someone scratched every car on our street overnight. I want whoever did it caught.',
    'lads on bikes snatching phones outside the station every evening, something needs doing',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))
})

describe('detectCrimeReport, round 10: someone should know, or wants it logged', () => {
  const reports = [
    'A man selling tickets for a gig that does not exist has been messaging my daughter. Someone needs to know this is going on.',
    'A parcel driver keeps leaving parcels in the bin and they go missing. I would like it logged please.',
  ]
  for (const text of reports) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))
  it('leaves alone a question about what someone needs to know', () =>
    assert.equal(detect('What does the landlord need to know before I move in?'), undefined))
})
