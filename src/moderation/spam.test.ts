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
    // phishing impersonating a public body: brand, money, verify/claim, link, deadline
    'DWP: an overpayment of £212.50 is owed to you. Confirm your bank details at dwp-pay.example within 24 hours.',
    'Royal Mail: your parcel has an unpaid fee. Enter your card details at rm-redeliver.example today.',
    // the ask is to pay or renew rather than to verify
    'DVLA: your tax disc payment failed and a £90 penalty applies. Pay now at dvla-tax.example',
    'NHS: your prescription prepayment certificate expires tonight. Renew your certificate at nhs-ppc.example',
  ]
  for (const text of spam) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))

  const notSpam = [
    'A firm says it can recover my lost crypto for an upfront fee. Is that legit?',
    'I got a text saying I had won a free phone, is that a scam?',
    'Are the free compost bins still available? #AskTheCouncil',
    'Reporting this fake site so it can be taken down: parcel-fee.example',
    'How much does the garden waste bin cost per year?',
    // advice linking to an official site, and a victim asking about a phishing text
    "Carers can claim Carer's Allowance now, see https://www.gov.uk/carers-allowance and apply today",
    'Got a text from HMRC saying claim my £300 refund at hmrc-tax.example today. Is it real?',
    'You can pay the parking fine online at https://www.gov.uk/pay-parking-fine, it must be paid within 28 days',
  ]
  for (const text of notSpam) {
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
  }
})

describe('round 8: private services sold against the waiting list, "pay securely" phishing', () => {
  const spam = [
    'Private physio available across Bristol ✅ Skip the waiting list, home visits. Book today on 07700 900123',
    'Bristol City Council: your council tax is outstanding. Pay securely now at bristol-ctax.example/pay within 48 hours',
  ]
  for (const text of spam) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))
  const notSpam = [
    'Can I book a home visit from the midwife or do I have to go to the clinic?',
    "Is there any way to skip the waiting list if my mum's condition gets worse?",
  ]
  for (const text of notSpam)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
})

describe("round 13: a trader's guarantees", () => {
  const spam = [
    'Damp in your flat? Roofs and render repaired, fully insured, we beat any price. Ring 0161 496 0555',
    'Fire doors fitted to any block, price match promise, no hidden fees. Call 07700 900222',
  ]
  for (const text of spam) it(`flags: ${text.slice(0, 60)}`, () => assert.ok(detect(text)))
  const notSpam = [
    "Our builder said he was fully insured and he wasn't. Call Dave on 07700 900583 if you want his side, who do I complain to?",
    'Does the council price match if a private skip hire is cheaper?',
  ]
  for (const text of notSpam)
    it(`does not flag: ${text.slice(0, 60)}`, () => assert.equal(detect(text), undefined))
})
