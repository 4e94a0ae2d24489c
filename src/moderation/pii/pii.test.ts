import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { PiiType } from '../types.ts'
import { applyMasks, findPii } from './pii.ts'

/** The masked substrings with their types, for readable assertions. */
function masked(text: string): Array<[PiiType, string]> {
  return findPii(text).map((m) => [m.type, text.slice(m.start, m.end)])
}

describe('findPii', () => {
  it('masks UK phone numbers in common formats', () => {
    assert.deepEqual(masked('ring me on 07700 900123 or 0161 496 0999'), [
      ['phone', '07700 900123'],
      ['phone', '0161 496 0999'],
    ])
    assert.deepEqual(masked('whatsapp +44 7700 900456 today'), [['phone', '+44 7700 900456']])
    assert.deepEqual(masked('my mobile (07700900789).'), [['phone', '07700900789']])
  })

  it('does not mask service numbers, times, prices, sections or references as phones', () => {
    for (const text of [
      'should I ring 999, 101 or 111? or text 7726?',
      'It happened at 23:45 and cost £1,250.00',
      'Under section 3 of the Dangerous Dogs Act 1991',
      'My crime reference is 0161 4960 1234 5',
      'quote ref 0794 6003 2117 when you call',
      'log number 1932 of 14/06',
      'incident number 01614960123',
      'Action Fraud ref NFRC240312559810',
    ]) {
      assert.deepEqual(
        findPii(text).filter((m) => m.type === 'phone'),
        [],
        text,
      )
    }
  })

  it('masks e-mail addresses but not social handles', () => {
    assert.deepEqual(masked('email jo.bloggs+fire@example.org or @jo@mastodon.example'), [
      ['email', 'jo.bloggs+fire@example.org'],
    ])
  })

  it('masks postcodes but not partial postcodes or road numbers', () => {
    assert.deepEqual(masked('We are in LS6 2AB, near the A650 and the M62 at J26, in LS6'), [
      ['postcode', 'LS6 2AB'],
    ])
  })

  it('masks Welsh street names, which put the street type first, and rows of cottages', () => {
    assert.deepEqual(masked('He lives at 3 Maes y Llan, Ruthin, LL15 1PQ.'), [
      ['address', '3 Maes y Llan, Ruthin'],
      ['postcode', 'LL15 1PQ'],
    ])
    assert.deepEqual(masked('parked outside 14 Ffordd Eithin every night'), [
      ['address', '14 Ffordd Eithin'],
    ])
    assert.deepEqual(masked('he rents 2 Fell Side Cottages from the estate'), [
      ['address', '2 Fell Side Cottages'],
    ])
    assert.deepEqual(masked('I need 2 Parc passes'), [])
  })

  it('does not read hills or National Insurance as people', () => {
    assert.deepEqual(masked('we came down from Helvellyn Fell in the fog'), [])
    assert.deepEqual(masked("they asked for Dad's National Insurance number"), [])
  })

  it('masks a street address with its town, separately from the postcode', () => {
    assert.deepEqual(masked('Please collect from 14b Mill Lane, Otley, LS21 3XY thanks'), [
      ['address', '14b Mill Lane, Otley'],
      ['postcode', 'LS21 3XY'],
    ])
    assert.deepEqual(masked('Flat 2, 9 Kings Court Road is mine'), [
      ['address', 'Flat 2, 9 Kings Court Road'],
    ])
  })

  it('leaves places without a house number alone', () => {
    assert.deepEqual(masked('There was a fire on Mill Lane near Roundhay Park'), [])
  })

  it('masks vehicle registrations, NI numbers, card numbers and dates of birth', () => {
    assert.deepEqual(masked('the van was YX19 ABC'), [['vehicle_reg', 'YX19 ABC']])
    assert.deepEqual(masked('NI number QQ 12 34 56 C'), [['ni_number', 'QQ 12 34 56 C']])
    assert.deepEqual(masked('card 5555 5555 5555 4444 was used'), [
      ['card_number', '5555 5555 5555 4444'],
    ])
    assert.deepEqual(masked('my date of birth is 03/02/1961'), [['dob', '03/02/1961']])
    assert.deepEqual(masked('the meeting is on 03/02/2025'), [])
  })

  it('masks full names of private people, not first names or organisations', () => {
    assert.deepEqual(masked('My neighbour Tom Jenkins keeps dumping rubbish'), [
      ['person_name', 'Tom Jenkins'],
    ])
    assert.deepEqual(masked('a man calling himself Obi Adeyemi rang me'), [
      ['person_name', 'Obi Adeyemi'],
    ])
    assert.deepEqual(masked('Sarah said Action Fraud and Royal Mail were no help'), [])
    // round 8: a name given in the past tense
    assert.deepEqual(masked('he said his name was Thaddeus Crowther and left'), [
      ['person_name', 'Thaddeus Crowther'],
    ])
  })

  it('masks names after titles, roles and naming frames, with particles and accents', () => {
    assert.deepEqual(masked('Our agent Mr Hargreaves said so'), [['person_name', 'Mr Hargreaves']])
    assert.deepEqual(masked("my neighbour's son Wojciech Zieliński bought it"), [
      ['person_name', 'Wojciech Zieliński'],
    ])
    assert.deepEqual(masked('Can you call me back? Siobhan Mac Aodha'), [
      ['person_name', 'Siobhan Mac Aodha'],
    ])
    assert.deepEqual(masked("We were cut off at Robin Hood's Bay"), [])
  })

  it('masks house names and lower-case addresses, not distances or counts', () => {
    assert.deepEqual(masked('We are at Rose Cottage, Back Lane, Shipton'), [
      ['address', 'Rose Cottage, Back Lane, Shipton'],
    ])
    assert.deepEqual(masked('she lives at 22 millbrook road'), [['address', '22 millbrook road']])
    assert.deepEqual(masked('there are 2 more lane closures and a 5 percent rise'), [])
  })

  it('lets a phone cue win over a reference word', () => {
    assert.deepEqual(masked('tel no. 07700 900123'), [['phone', '07700 900123']])
    assert.deepEqual(masked('his number was 07700 900123'), [['phone', '07700 900123']])
  })

  it('returns sorted, non-overlapping spans', () => {
    const text = 'Call 07700 900001, email a@example.com, 3 High Street, Leeds LS1 1AA, Jane Smith'
    const masks = findPii(text)
    for (let i = 1; i < masks.length; i++) {
      assert.ok((masks[i - 1]?.end ?? 0) <= (masks[i]?.start ?? 0))
    }
    assert.equal(
      applyMasks(text, masks),
      'Call [phone], email [email], [address] [postcode], [name]',
    )
  })

  it('masks a name after a care relation or "details are", and older first names (round 7)', () => {
    assert.deepEqual(masked('I look after Wilfred Ashworth, he is 88'), [
      ['person_name', 'Wilfred Ashworth'],
    ])
    assert.deepEqual(masked("I'm the carer for Nkem Obiora-Bassey"), [
      ['person_name', 'Nkem Obiora-Bassey'],
    ])
    assert.deepEqual(masked('Her details are Trinh Vuong, flat upstairs'), [
      ['person_name', 'Trinh Vuong'],
    ])
    assert.deepEqual(masked('Mavis Entwistle next door has no smoke alarm'), [
      ['person_name', 'Mavis Entwistle'],
    ])
  })

  it('masks a one-word street with its type inside it, only before a town (round 7)', () => {
    assert.deepEqual(masked('Please visit 14 Micklegate, York'), [
      ['address', '14 Micklegate, York'],
    ])
    assert.deepEqual(masked('flat above 3 Kingsway, Hove'), [['address', '3 Kingsway, Hove']])
    assert.deepEqual(masked('we waited at gate 3 and 2 Gateways later'), [])
  })

  it('round 9: a date of birth given as the answer to its own question, and household roles', () => {
    assert.deepEqual(masked('Do you ask for the date of birth at the desk? His is 04/11/1975.'), [
      ['dob', '04/11/1975'],
    ])
    assert.deepEqual(masked('Our childminder, Kezia Okafor, noticed the rash first.'), [
      ['person_name', 'Kezia Okafor'],
    ])
    assert.deepEqual(masked('I think Shannon Byrne from our street saw it too.'), [
      ['person_name', 'Shannon Byrne'],
    ])
    assert.deepEqual(masked('They close at 5pm. Mine is 9 years old and fine.'), [])
  })

  it('round 12: schemes named after a person, and surnames that are street types', () => {
    assert.deepEqual(masked('Does the Philomena Protocol apply to care leavers too?'), [])
    assert.deepEqual(masked('Is the Edna Award open to carers over 80?'), [])
    assert.deepEqual(masked('My grandad, Percy Green, is 88 and lives on his own.'), [
      ['person_name', 'Percy Green'],
    ])
    assert.deepEqual(masked('We met up at Parsons Green near the station.'), [])
    assert.deepEqual(masked('Edna Hill is a lovely place for a walk.'), [])
  })

  it('round 12: a flat and building before a street whose type is inside a word, before a postcode', () => {
    assert.deepEqual(masked('Post it to Flat 7, Harbour Court, 21 Old Quay Parkway, SA1 3XJ.'), [
      ['address', 'Flat 7, Harbour Court, 21 Old Quay Parkway'],
      ['postcode', 'SA1 3XJ'],
    ])
    assert.deepEqual(masked('Queues from junction 4 Motorway, M5 southbound.'), [])
  })

  it('round 13: a numbered home in a named block, a block named like a street, a call to order', () => {
    assert.deepEqual(masked('The lift at 14 Kestrel Apartments has been broken since May.'), [
      ['address', '14 Kestrel Apartments'],
    ])
    assert.deepEqual(masked('Write to the agent at Canal Heights, 3 Mill Street, about it.'), [
      ['address', 'Canal Heights, 3 Mill Street'],
    ])
    assert.deepEqual(masked('Book now! Order on 0161 496 0321 before Friday.'), [
      ['phone', '0161 496 0321'],
    ])
    // near misses: a block named on its own, an order number
    assert.deepEqual(masked('Everyone in Canal Heights got the letter.'), [])
    assert.deepEqual(masked('my order 0161 4960 3213 never arrived'), [])
  })
})
