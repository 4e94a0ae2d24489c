/**
 * What a question asks, as opposed to what it is about: "how much", "how long", "who",
 * "am I allowed"… Two questions on one topic that ask different things need different answers
 * (the near misses of duplicate grouping). Patterns run on folded, space-joined tokens.
 */
export const QUESTION_INTENTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['cost', /\b(?:how much|cost|price|fee|charge|afford|pay for|paying for|free)\b/],
  ['time', /\b(?:how long|when|what time|how soon|how quickly|deadline|timescale|wait)\b/],
  [
    'how',
    /\b(?:how (?:do|can|would|should|to)|what'?s? (?:is )?the (?:process|procedure|best way)|way to)\b/,
  ],
  ['where', /\b(?:where|which (?:place|site))\b/],
  ['who', /\b(?:who|whose|which (?:team|department|service))\b/],
  [
    'allowed',
    /\b(?:allowed|legal|illegal|law|offence|permitted|can (?:i|we|you|they|he|she)|am i able)\b/,
  ],
  ['need', /\b(?:need|have to|has to|must|required|compulsory)\b/],
  ['eligible', /\b(?:eligible|entitled|qualify|count as|classed as)\b/],
  ['what-if', /\b(?:what happens|what if|what should|what do (?:i|we) do|what to do)\b/],
  ['why', /\bwhy\b/],
  ['safe', /\b(?:safe|dangerous|risk|risky)\b/],
  ['difference', /\b(?:difference|vs|versus)\b/],
  ['often', /\b(?:how often|every (?:week|month|year)|how regularly)\b/],
  ['contact', /\b(?:number|phone|ring|call)\b/],
  ['online', /\b(?:online|website|app|form|email)\b/],
]

/** Paraphrase classes (lexicons/paraphrase.ts) that name what is asked, not the topic. */
export const INTENT_TERMS: ReadonlySet<string> = new Set(
  `refund call cost free legal need eligible wait often dispose anonymous report apply renew
replace damage claim responsible safe difference find punish worth stop evidence`.split(/\s+/),
)
