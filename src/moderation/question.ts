import { foldCharacters, PhraseMatcher, words } from './normalise.ts'
import { type Prepared, prepare } from './prepared.ts'

// Openings of a question written without a question mark ("how do i report a missed bin").
const INTERROGATIVE = new Set([
  'how',
  'what',
  'whats',
  "what's",
  'when',
  'whens',
  "when's",
  'where',
  'wheres',
  "where's",
  'why',
  'who',
  'whos',
  "who's",
  'which',
  'can',
  'could',
  'would',
  'will',
  'should',
  'shall',
  'is',
  'isnt',
  'are',
  'arent',
  'do',
  'does',
  'did',
  'dont',
  'has',
  'have',
  'may',
  'wot',
  'r',
  'am',
  'any',
])

// Words that start what, or whom, an auxiliary asks about ("will *they*…", not "will wait").
const SUBJECTS = new Set([
  'i',
  'you',
  'u',
  'we',
  'they',
  'he',
  'she',
  'it',
  'its',
  "it's",
  'there',
  'my',
  'your',
  'our',
  'their',
  'his',
  'her',
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'anyone',
  'someone',
  'somebody',
  'anybody',
  'people',
  'everyone',
  'any',
  'all',
  'me',
  'us',
  'them',
])
const WH = new Set([
  'how',
  'what',
  'whats',
  "what's",
  'when',
  'whens',
  "when's",
  'where',
  'wheres',
  "where's",
  'why',
  'who',
  'whos',
  "who's",
  'which',
  'wot',
  'any',
])

const REQUESTS = [
  'please can',
  'please could',
  'please tell',
  'please advise',
  'please let me know',
  'can someone',
  'could someone',
  'can you',
  'could you',
  "i'd like some advice",
  'id like some advice',
  'advice please',
  'advice needed',
  'let me know',
  'email me',
  'call me',
  'contact me',
  'get in touch',
  'ring me',
  'dm me',
  'message me',
  'i would like to know',
  "i'd like to know",
  'id like to know',
  'wondering if',
  'wondering whether',
  'i need to know',
  'does anyone know',
  'any advice',
  'clarification please',
]

const OFF_TOPIC = [
  'off topic',
  'offtopic',
  'slightly off',
  'unrelated but',
  'not related but',
  'any update on',
  'any news on',
  'update on my',
  'news on my',
  'recruiting',
  'recruitment',
  'vacancies',
  'apply to become',
  'apply to join',
  'become a special',
]

const requests = new PhraseMatcher(REQUESTS)
const offTopic = new PhraseMatcher(OFF_TOPIC)
// Clause boundaries: sentence ends, commas, dashes, line breaks and emoji.
const CLAUSE = /[.!;:,\n\u2013\u2014]+|\s-\s|\p{Extended_Pictographic}/u
// The first two words of a clause, after any leading @mentions and #hashtags.
const OPENING =
  /^[\s"'(]{0,10}(?:[@#][^\s]{1,60}\s{1,5}){0,5}([a-z']{1,12})[\s,]{1,5}([a-z']{1,12})?/

/** True when a clause opens like a question ("how…", "can you…", "is there…"). */
function opensQuestion(clause: string, afterComma: boolean): boolean {
  const m = OPENING.exec(foldCharacters(clause))
  const first = m?.[1] ?? ''
  const second = m?.[2] ?? ''
  // After a comma "who"/"which" usually starts a relative clause, so only inversions count there.
  if (!afterComma && WH.has(first)) return true
  return INTERROGATIVE.has(first) && SUBJECTS.has(second)
}

/** A request for information or advice: a question mark, a question opening, or a request. */
export function isQuestion(input: string | Prepared): boolean {
  const { text, tokens } = typeof input === 'string' ? prepare(input) : input
  if (text.includes('?')) return true
  // An eye-roll marks a rhetorical complaint ("is anyone actually on this 🙄").
  if (text.includes('🙄')) return false
  let afterComma = false
  let rest = text
  while (rest) {
    const m = CLAUSE.exec(rest)
    const clause = m ? rest.slice(0, m.index) : rest
    if (opensQuestion(clause, afterComma)) return true
    if (!m) break
    afterComma = m[0].includes(',') && !/[.!;:\n]/.test(m[0])
    rest = rest.slice(m.index + m[0].length)
  }
  return requests.find(tokens) !== undefined
}

/** A question outside the chat's theme: said outright, or a case update or recruitment query. */
export function isOffTopic(input: string | Prepared, theme?: string): boolean {
  const { tokens } = typeof input === 'string' ? prepare(input) : input
  const cue = offTopic.find(tokens)
  if (!cue) return false
  // A chat about recruitment is where recruitment questions belong.
  return !(theme && words(theme).includes(cue.split(' ')[0] ?? ''))
}
