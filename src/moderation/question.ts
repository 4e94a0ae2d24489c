import { STOPWORDS } from './lexicons/paraphrase.ts'
import { GENERAL_WORDS, PLACE_WORDS, SERVICE_FIELDS, SERVICES } from './lexicons/services.ts'
import { foldCharacters, PhraseMatcher, SENTENCE_END, words } from './normalise.ts'
import { type Prepared, prepare } from './prepared.ts'

/** Question words that open a question on their own ("where do i take old paint"). */
const WH_WORDS = [
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
]
const WH = new Set(WH_WORDS)

// Openings of a question written without a question mark ("how do i report a missed bin"); the
// auxiliaries only count before a subject ("can I", "is it").
const INTERROGATIVE = new Set([
  ...WH_WORDS,
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
  'r',
  'am',
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

const services = Object.entries(SERVICES).map(
  ([name, phrases]) => [name, new PhraseMatcher(phrases)] as const,
)
const general = new Set(GENERAL_WORDS)
const placeWords = new Set(PLACE_WORDS)
const ARTICLES = new Set(['the', 'a', 'an', 'my', 'our', 'your', 'their'])
// A road number with a sign that the road itself is asked about ("is the M60 shut at J12?").
const ROAD_QUESTION =
  /\b[AM]\d{1,4}(?:\([Mm]\))?\b.{0,40}\b(?:shut|closed|closure|roadworks|traffic|lanes?|[Jj]\d{1,2}|junction)\b/i

let lastTheme = { key: '', words: [] as string[] }

/**
 * Words of a theme and of a hashtag split at capitals ("#AskBristolHousing" → ask bristol housing).
 * Remembered for the last chat asked about: a server analyses one chat's questions in a row.
 */
function themeWords(theme: string, hashtag = ''): string[] {
  const key = `${theme}\n${hashtag}`
  if (lastTheme.key !== key) {
    const tag = hashtag.replace(/^#/, '').replace(/([a-z])([A-Z])/g, '$1 $2')
    lastTheme = { key, words: words(`${theme}\n${tag}`) }
  }
  return lastTheme.words
}

/** A service phrase used as the subject, not as a place ("sold at the libraries"). */
function namesService(matcher: PhraseMatcher, tokens: readonly string[]): boolean {
  for (const hit of matcher.hits(tokens)) {
    let k = hit.at - 1
    if (ARTICLES.has(tokens[k] ?? '')) k--
    if (!placeWords.has(tokens[k] ?? '')) return true
  }
  return false
}

/** Content words, plural-stripped: "carers" and "carer" meet, "course" and "coursing" do not. */
function contentWords(tokens: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const t of tokens) {
    if (t === SENTENCE_END || t.length < 3 || STOPWORDS.has(t) || general.has(t)) continue
    if (!/^[a-z0-9]+$/.test(t)) continue
    if (t.length > 4 && t.endsWith('ies')) out.add(`${t.slice(0, -3)}y`)
    else if (t.length > 3 && t.endsWith('s') && !/(?:ss|us|is)$/.test(t)) out.add(t.slice(0, -1))
    else out.add(t)
  }
  return out
}

/**
 * The other public service a question is about, when the chat's theme is about something else:
 * the question names a service (`lexicons/services.ts`: bins, council tax, potholes, libraries,
 * school places, DBS checks, a road number…) that the theme does not name, and shares no content
 * word with the theme. Conservative, because hiding a real question costs more than showing an
 * off-topic one.
 */
export function otherService(
  prepared: Prepared,
  theme: string,
  hashtag?: string,
): string | undefined {
  const { tokens, text } = prepared
  const themeTokens = themeWords(theme, hashtag)
  const inTheme = new Set(themeTokens)
  let found: string | undefined
  for (const [name, matcher] of services) {
    if (!namesService(matcher, tokens) || matcher.find(themeTokens)) continue
    if ((SERVICE_FIELDS[name] ?? []).some((w) => inTheme.has(w))) continue
    found = name
    break
  }
  if (!found && ROAD_QUESTION.test(text)) {
    if (!(SERVICE_FIELDS['roads and parking'] ?? []).some((w) => inTheme.has(w))) found = 'roads'
  }
  if (!found) return undefined
  // Content words come from the theme only: a hashtag names the organisation ("council").
  const shared = contentWords(words(theme))
  for (const w of contentWords(tokens)) if (shared.has(w)) return undefined
  return found
}

/**
 * A question outside the chat's theme: said outright, a case update or recruitment query, or a
 * question about another public service with nothing in common with the theme.
 */
export function isOffTopic(input: string | Prepared, theme?: string, hashtag?: string): boolean {
  const prepared = typeof input === 'string' ? prepare(input) : input
  const { tokens } = prepared
  const cue = offTopic.find(tokens)
  if (cue) {
    // A chat about recruitment is where recruitment questions belong.
    return !(theme && words(theme).includes(cue.split(' ')[0] ?? ''))
  }
  return theme ? otherService(prepared, theme, hashtag) !== undefined : false
}
