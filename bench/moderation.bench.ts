/**
 * Moderation benchmark: `node --import tsx bench/moderation.bench.ts`. Prints ms per message for
 * analyse(), the worst time on 64 KiB adversarial input, and the time to place one new question
 * against 10,000 in the duplicate index next to a naive linear scan measured in the same run.
 */
import { readFileSync } from 'node:fs'
import { analyse } from '../src/moderation/analyse.ts'
import { groupDuplicates } from '../src/moderation/duplicate-groups.ts'
import { contentTerms } from '../src/moderation/duplicate-terms.ts'
import { DuplicateIndex } from '../src/moderation/duplicates.ts'

const DEV = new URL('../test/fixtures/moderation/dev.jsonl', import.meta.url)
const records = readFileSync(DEV, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { text: string; kind: string })
const texts = records.map((r) => r.text)

function time(run: () => void, repeat: number): number {
  run()
  const started = performance.now()
  for (let i = 0; i < repeat; i++) run()
  return (performance.now() - started) / repeat
}

// 1. analyse(): average over the dev messages.
const perPass = time(() => {
  for (const t of texts) analyse(t)
}, 20)
console.log(
  `analyse: ${(perPass / texts.length).toFixed(4)} ms/message (${texts.length} messages × 20)`,
)

// 2. Worst case on 64 KiB of repeated fragments.
const units = [
  '0',
  '1 ',
  '07700 ',
  'a.',
  'Aa ',
  'AB12 ',
  'M1 1AA ',
  '12 Ab Road, ',
  'Tom Smith ',
  'f u ',
  'a@',
  '🙄 ',
  'if now ',
  // Many one-word sentences: every sentence pays the per-sentence checks.
  'a\n',
  'a. ',
  'a! ',
  'ok. ',
]
let worst = { ms: 0, unit: '' }
for (const unit of units) {
  const text = unit.repeat(Math.ceil(65536 / unit.length)).slice(0, 65536)
  const ms = time(() => analyse(text), 3)
  if (ms > worst.ms) worst = { ms, unit }
}
console.log(
  `analyse: worst ${worst.ms.toFixed(1)} ms on 64 KiB adversarial input (${units.length} patterns; worst ${JSON.stringify(worst.unit)})`,
)

// 3. Duplicates: 10,000 questions made from the dev questions with varied extra words.
const questions = records.filter((r) => r.kind === 'question').map((r) => r.text)
const filler = texts.flatMap((t) => t.split(/\s+/)).filter((w) => /^[a-z]{4,}$/i.test(w))
let seed = 42
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
}
const corpus = Array.from({ length: 10_000 }, (_, i) => {
  const extra = Array.from({ length: 4 }, () => filler[rand(filler.length)]).join(' ')
  return `${questions[i % questions.length]} ${extra}`
})
const index = new DuplicateIndex()
const buildStart = performance.now()
for (const [i, text] of corpus.entries()) index.add(`q${i}`, text)
const buildMs = performance.now() - buildStart
const probes = questions.slice(0, 50).map((q) => `${q} please`)
let p = 0
const indexed = time(() => index.similar(probes[p++ % probes.length] ?? ''), 200)

// Naive baseline: the same cosine score, computed against every stored question.
const stored = corpus.map((text) => contentTerms(text))
function naive(text: string) {
  const q = contentTerms(text)
  const out: Array<{ i: number; score: number }> = []
  stored.forEach((terms, i) => {
    let dot = 0
    let norm = 0
    for (const t of terms) {
      const w = index.idf(t)
      norm += w * w
      if (q.has(t)) dot += w * w
    }
    let qn = 0
    for (const t of q) qn += index.idf(t) ** 2
    const score = dot / Math.sqrt(norm * qn || 1)
    if (score >= 0.35) out.push({ i, score })
  })
  return out.sort((a, b) => b.score - a.score)
}
p = 0
const linear = time(() => naive(probes[p++ % probes.length] ?? ''), 20)
console.log(`duplicates: index of 10,000 built in ${buildMs.toFixed(0)} ms`)
console.log(
  `duplicates: place one question against 10,000: ${indexed.toFixed(3)} ms (inverted index)`,
)
console.log(
  `duplicates: naive linear scan: ${linear.toFixed(3)} ms — index is ${(linear / indexed).toFixed(1)}× faster`,
)

// Grouping a whole chat (average linkage over each question's 50 nearest neighbours).
const groupStart = performance.now()
const groups = groupDuplicates(corpus.map((text, i) => ({ id: `q${i}`, text })))
console.log(
  `duplicates: groupDuplicates over 10,000 questions: ${(performance.now() - groupStart).toFixed(0)} ms (${groups.length} groups)`,
)
