/**
 * Words that carry no topic, and paraphrase groups mapped to one canonical term, for
 * near-duplicate matching. The groups are everyday English and the vocabulary every public
 * service shares (calling, paying, applying, being allowed, waiting, children, older
 * relatives…); nothing here names one organisation's services or one chat's theme.
 */
export const STOPWORDS = new Set(
  `a about above after again against all also am an and any anyone anything are as at be because
been before being below between both but by can cant could did didnt do does doesnt doing dont
down during each etc even ever every few for from further get gets getting got had has have
having he her here hers him his how i id if im in into is isnt it its itll ive just know like
ll me might more most much must my myself no nor not now of off on once one only or other our
ours out over own please q quick really said same say says she should so some someone something
still such than that thats the their them then there theres these they theyre thing things
this those through to too u under until up us very want was we were what whats when where
whether which while who why will with would wondering yes yet you your youre
askgmp askthesergeant askthecouncil genuine honest question asking ask tell actually anyway
ok okay pls thanks thank hi hello dear`.split(/\s+/),
)

/**
 * More words that carry no topic in a question, used only by the duplicate matcher: chat filler,
 * hedges, light verbs and time words that every chat is full of.
 */
export const DUPLICATE_STOPWORDS: ReadonlySet<string> = new Set([
  ...STOPWORDS,
  ...`ur r n ya yeah hes shes theyve weve wed honestly plz cheers morning evening afternoon regards
kind sir madam team lol tbh omg literally basically sort bit lot lots loads mate guys folks
anybody somebody everyone everybody else already maybe perhaps probably sure certain wonder
wondered curious confused clarify clarification help advice advise possible able way ways best
right wrong correct true go going gonna wanna happen happens happened happening mean means meant
currently today yesterday tomorrow week weeks day days month months year years time times new old
many make makes made take takes took give gives gave put puts come comes came keep keeps kept let
lets seem seems`.split(/\s+/),
])

/**
 * Each line: a canonical term, then comma-separated words and phrases that mean the same in a
 * question to a public body. Single words are also matched after stemming.
 */
const GROUPS = `
refund: refund, refunds, refunded, reimburse, reimbursed, reimbursement, money back, get my money back, pay back, paid back, compensation, compensate, compensated, pay out, pays out, payout
call: call, calls, called, calling, caller, ring, rings, rang, ringing, phone, phoned, phoning, dial, dialled, phone call, give a ring
child: child, children, kid, kids, son, sons, daughter, daughters, baby, babies, toddler, toddlers, teenager, teenagers, teen, teens, youngster, youngsters, little one, little ones, grandchild, grandchildren, grandson, granddaughter, yo, year old, years old, juniors
parent: parent, parents, mum, mam, mom, mother, dad, father, nan, nana, gran, granny, grandma, grandad, grandpa, grandfather, grandmother, grandparent, grandparents, in law, mother in law, father in law
elderly: elderly, pensioner, pensioners, oap, oaps, older people, older person, old age
cost: cost, costs, costing, price, prices, priced, how much, fee, fees, charge, charges, charged, expensive, afford, cheap, cheaper, discount, discounts, concession, concessions
free: free, free of charge, no charge, for nothing, without paying
legal: legal, legally, illegal, illegally, lawful, unlawful, allowed, permission, against the law, breaking the law, break the law, offence, offences, criminal offence, crime, law, laws, legislation, in trouble, get in trouble, get into trouble
need: need, needs, needed, required, require, requires, requirement, have to, has to, had to, obliged, compulsory, mandatory, must i, necessary
eligible: eligible, eligibility, entitled, entitlement, qualify, qualifies, qualified, criteria, count as, counts as, classed as
wait: how long, wait, waiting, waited, timescale, timescales, time frame, timeframe, deadline, deadlines, response time, response times, how soon, how quickly, quicker, faster, delay, delays
often: how often, frequency, regularly, how regularly, schedule, schedules
dispose: dispose, disposal, disposing, get rid, get rid of, throw away, throw out, chuck, chuck out, dump, dumping, drop off
anonymous: anonymous, anonymously, anonymity, confidential, confidentially, identity, identities
report: report, reports, reported, reporting, let you know, tell you about, flag, notify, inform
apply: apply, applies, applied, applying, application, applications, sign up, signing up, signed up, register, registers, registered, registering, registration, enrol, enroll, book, booking, booked
renew: renew, renews, renewal, renewals, renewed, renewing, extend, extension, expire, expires, expired, expiry, runs out, run out
replace: replace, replacement, replacing, new one, another one, spare
damage: damage, damages, damaged, ruin, ruined, wreck, wrecked, broken, broke, destroyed
claim: claim, claims, claiming, claimed, who pays, who pay, liable, liability, responsible for paying
responsible: responsible, responsibility, whose job, whose responsibility, who has to, duty, duties, in charge
safe: safe, safely, safety, unsafe, danger, dangerous, risk, risks, risky, hazard, hazardous, harm, harmful
difference: difference, differences, different, differ, vs, versus, distinguish, tell apart, tell the difference
appointment: appointment, appointments, appt, appts, slot, slots
online: online, website, web site, web form, webform, internet, app, portal, email, e-mail
find: find out, look up, lookup, check, checker, search, map, locate, nearest, where is, where are
police: police, officer, officers, cop, cops, copper, coppers, policing, constable
council: council, councils, local authority
neighbour: neighbour, neighbours, neighbor, neighbors, next door, upstairs, downstairs
home: home, homes, house, houses, household, households, property, properties
scam: scam, scams, scammed, scammer, scammers, fraud, fraudster, fraudsters, conned, swindle, swindled, phishing
punish: fine, fined, fines, penalty, penalties, punish, punished, punishment, prosecute, prosecuted, prosecution, court, sentence, criminal record, arrest, arrested
worth: worth it, any point, pointless, waste of time, wasting your time, waste your time, bother, bothering, nuisance
stop: stop, stops, stopped, prevent, prevents, prevention, avoid, avoiding
evidence: evidence, proof, footage, video, videos, photo, photos, photograph, photographs, picture, pictures, film, filming, filmed, record it, recording, screenshot, screenshots
holiday: holiday, holidays, christmas, easter, new year, bank hol, bank hols, bank holiday, bank holidays
disabled: disabled, disability, disabilities, mobility, wheelchair, housebound
`

export const SYNONYMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>()
  for (const line of GROUPS.trim().split('\n')) {
    const [canonical = '', list = ''] = line.split(':')
    for (const w of list.split(',')) map.set(w.trim(), canonical.trim())
  }
  return map
})()
