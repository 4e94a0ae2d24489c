/**
 * Words that carry no topic, and paraphrase groups mapped to one canonical term, for
 * near-duplicate matching. Groups are general to public-service chats (reporting, refunds,
 * bins, calls, children, costs…), not to one theme.
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

/** Each line: a canonical term, then comma-separated words and phrases that mean the same here. */
const GROUPS = `
refund: refund, refunds, refunded, reimburse, reimbursed, reimbursement, money back, get it back, get my money back, pay back, paid back, recover, recovered, recovering, recovery, compensate
report: report, reporting, reported, forward, forwarding
scam: scam, scams, scammed, scammer, scammers, fraud, fraudster, fraudsters, con, conned, swindle, fake, dodgy, phishing
call: call, calls, called, caller, ring, rings, rang, ringing, phone, phoned
collect: collect, collection, collections, collected, pick up, picked up, emptied, bin day, bin days, collection day, collection days
miss: missed, skipped, not emptied, not collected, not been emptied
big: bigger, larger, extra, additional, capacity
child: child, children, kid, kids, son, daughter, baby, toddler
cost: cost, costs, price, how much, fee, fees, charge, charged, pay, paying, subscription
verify: verify, genuine, legit, legitimate, real, is it real, actually them
trace: trace, traced, track, tracked
crypto: crypto, cryptocurrency, bitcoin, btc
text: text, texts, sms
police: police, officer, officers, cop, cops, copper
elderly: elderly, pensioner, nan, gran, grandparent
disabled: disabled, disability, mobility, assisted
holiday: holiday, holidays, christmas, easter, new year, bank hol, bank hols, bank holiday, bank holidays
seize: seize, seized, taken away, confiscated, kennels
euthanise: euthanise, euthanised, euthanasia, put to sleep, put down, put him down, put her down
neuter: neuter, neutered, neutering, spay, spayed, castrate
register: register, registered, registration, exemption, exempt, exempted, certificate, certificate of exemption
attack: attack, attacks, attacked, attacking, bite, bitten, goes for, went for, maul
recycling: recycling, recycle, recyclable, blue bin
calendar: calendar, schedule, timetable
`

export const SYNONYMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>()
  for (const line of GROUPS.trim().split('\n')) {
    const [canonical = '', list = ''] = line.split(':')
    for (const w of list.split(',')) map.set(w.trim(), canonical.trim())
  }
  return map
})()
