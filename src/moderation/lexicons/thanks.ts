/** Gratitude vocabulary, in folded form. */
export const GRATITUDE = [
  'thank you',
  'thank u',
  'thank ya',
  'thanks',
  'thankyou',
  'thanx',
  'thx',
  'ty',
  'cheers',
  'ta',
  'appreciate',
  'appreciated',
  'appreciate it',
  'much appreciated',
  'grateful',
  'fair play',
  'big up',
  'nice one',
  'kudos',
  'respect to',
  'hats off',
  'well done',
  'great session',
  'good session',
  'brilliant session',
  'helpful session',
  'useful session',
  'useful thread',
  'helpful thread',
  'diolch',
  'bless you',
]

/** Formulas written before any answer: politeness, not appreciation. */
export const COURTESY = [
  'thanks in advance',
  'thank you in advance',
  'thanks in anticipation',
  'tia',
  'would appreciate',
  "i'd appreciate",
  'id appreciate',
  'would be appreciated',
  'would be grateful',
  "i'd be grateful",
  'id be grateful',
  'appreciate any',
  'appreciate a reply',
  'appreciate an answer',
  'appreciate it if',
  'thanks for reading',
]

/** Markers of sarcasm around a thank-you. */
export const SARCASM = [
  'for nothing',
  'thanks a lot',
  'thanks a bunch',
  'wow thanks',
  'oh thanks',
  'oh thank',
  'cutting edge',
  'groundbreaking',
  'ground breaking',
  'revolutionary',
  'genius',
  'user friendly',
  'never have found',
  'never have guessed',
  'who knew',
  'who would have thought',
  'what a surprise',
  'so helpful not',
  'really helpful not',
  // advice dismissed as something anyone could find (round 10: "could have read that on a leaflet")
  'could have read that',
  "could've read that",
  'couldve read that',
  'could have googled',
  "could've googled",
  'couldve googled',
  'could have told me that',
  // thanks followed by how long it took (round 11: "thanks for the reply, shame it took…")
  'shame it took',
  'shame it takes',
  'shame that it took',
  'pity it took',
  'pity it takes',
  'shame you took',
  'only took you',
]

/**
 * "I appreciate the officers are stretched, but…", "I appreciate it's busy": "appreciate" before
 * a clause concedes a point; it does not thank (round 11). A finite verb within four words after
 * it, with no punctuation between ("appreciate the answers, it's been…" still thanks).
 */
export const CONCESSION_VERBS = [
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  "it's",
  'its',
  "you're",
  'youre',
  "they're",
  'theyre',
  "we're",
  "there's",
  "that's",
  "he's",
  "she's",
  "can't",
  'cant',
]

/** Emoji that turn praise into irony. */
export const SARCASM_EMOJI = ['🙄', '🙃', '🤢', '😒', '🤡', '🤦', '😑', '🥱', '💀']
