import { readFileSync } from 'node:fs'
import { parseJsonl } from '../src/moderation/eval/dataset.ts'
import { evaluate } from '../src/moderation/eval/evaluate.ts'
import { formatReport } from '../src/moderation/eval/format.ts'

// Usage: node --import tsx scripts/eval-moderation.ts FILE.jsonl [--json] [--errors]
const args = process.argv.slice(2)
const file = args.find((a) => !a.startsWith('--'))
if (!file) {
  console.error('usage: eval-moderation FILE.jsonl [--json] [--errors]')
  process.exit(2)
}
const detail = evaluate(parseJsonl(readFileSync(file, 'utf8')))
if (args.includes('--json')) console.log(JSON.stringify(detail.report))
else console.log(formatReport(detail))
if (args.includes('--errors')) {
  for (const e of detail.errors)
    console.log(`${e.id} expected ${e.expected} got ${e.got}: ${e.text}`)
  for (const p of detail.missedPii) console.log(`missed ${p.id} ${p.type}: ${p.value}`)
  for (const p of detail.falseMasks) console.log(`false mask ${p.id} ${p.type}: ${p.value}`)
}
