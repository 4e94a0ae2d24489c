/**
 * `npm run bench [-- --quick] [-- --case fanout,votes] [-- --targets askhour,raw] [-- --reps 3]
 *  [-- --docs-only]`
 *
 * Runs the live-feed benchmark cases of issue 5 against Askhour and its baselines, each target a
 * fresh set of processes, interleaved (A B C A B C …) for `reps` rounds; writes one JSON file per
 * case under bench/results/ and regenerates the tables in docs/performance.md from the newest
 * result of every case. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, release, totalmem } from 'node:os'
import {
  FULL,
  type Metrics,
  type Params,
  QUICK,
  runFanout,
  runIngest,
  runMemory,
  runReconnect,
  runScale,
  runSlow,
  runVotes,
} from './cases.ts'
import { median } from './lib/util.ts'
import { renderDocs } from './report.ts'

const RESULTS = new URL('./results/', import.meta.url)

export interface CaseResult {
  case: string
  date: string
  quick: boolean
  reps: number
  params: Params
  machine: Record<string, string | number>
  commit: string
  order: string[]
  /** Every run: target label, round, phase → metrics. */
  runs: Array<{ target: string; rep: number; phase: string; metrics: Metrics }>
  /** Medians over rounds: target → phase → metric → value. */
  medians: Record<string, Record<string, Metrics>>
  durationS: number
}

interface CaseDef {
  targets: string[]
  run(target: string, p: Params): Promise<Record<string, Metrics>>
}

const CASES: Record<string, CaseDef> = {
  fanout: {
    targets: ['raw', 'batched', 'sio', 'askhour'],
    run: (t, p) => runFanout(t as 'raw', p),
  },
  votes: { targets: ['raw', 'askhour'], run: (t, p) => runVotes(t as 'raw', p) },
  ingest: {
    targets: ['raw-ingest', 'askhour'],
    run: (t, p) => runIngest(t as 'raw', p),
  },
  memory: { targets: ['raw', 'sio', 'askhour'], run: (t, p) => runMemory(t as 'raw', p) },
  slow: {
    targets: ['raw', 'raw+slow', 'askhour', 'askhour+slow'],
    run: (t, p) => runSlow(t.replace('+slow', '') as 'raw', p, t.endsWith('+slow') ? 0.05 : 0),
  },
  reconnect: { targets: ['raw', 'askhour'], run: (t, p) => runReconnect(t as 'raw', p) },
  scaleout: {
    targets: ['askhour×1', 'askhour×2', 'askhour×3'],
    run: (t, p) => runScale(Number(t.slice(-1)), p),
  },
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  if (i < 0) return undefined
  const next = process.argv[i + 1]
  return next && !next.startsWith('--') ? next : ''
}

function machine() {
  const c = cpus()
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
  }
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim()
    const dirty = execFileSync('git', ['status', '--porcelain', 'src']).toString().trim()
    return dirty ? `${head}+uncommitted src changes` : head
  } catch {
    return 'unknown'
  }
}

function medians(runs: CaseResult['runs']): CaseResult['medians'] {
  const out: CaseResult['medians'] = {}
  for (const r of runs) {
    out[r.target] ??= {}
    const byPhase = out[r.target] as Record<string, Metrics>
    byPhase[r.phase] ??= {}
    const m = byPhase[r.phase] as Metrics
    for (const key of Object.keys(r.metrics)) {
      const values = runs
        .filter((x) => x.target === r.target && x.phase === r.phase)
        .map((x) => x.metrics[key])
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
      m[key] = median(values)
    }
  }
  return out
}

async function runCase(name: string, def: CaseDef, p: Params, reps: number, quick: boolean) {
  const started = Date.now()
  const runs: CaseResult['runs'] = []
  const order: string[] = []
  for (let rep = 1; rep <= reps; rep++) {
    const only = arg('targets')?.split(',')
    for (const target of def.targets.filter((t) => !only || only.includes(t))) {
      const t0 = Date.now()
      process.stdout.write(`[${name}] round ${rep}/${reps} ${target} … `)
      try {
        const phases = await def.run(target, p)
        for (const [phase, metrics] of Object.entries(phases)) {
          runs.push({ target, rep, phase, metrics })
        }
        order.push(target)
        const brief = Object.entries(phases)
          .map(([ph, m]) => `${ph}: ${headline(m)}`)
          .join('; ')
        process.stdout.write(`${((Date.now() - t0) / 1000).toFixed(0)} s  ${brief}\n`)
      } catch (err) {
        process.stdout.write(`FAILED: ${(err as Error).message.split('\n')[0]}\n`)
        runs.push({ target, rep, phase: 'error', metrics: { failed: 1 } })
        order.push(`${target}!`)
      }
    }
  }
  const date = new Date().toISOString()
  const result: CaseResult = {
    case: name,
    date,
    quick,
    reps,
    params: p,
    machine: machine(),
    commit: commit(),
    order,
    runs,
    medians: medians(runs),
    durationS: Math.round((Date.now() - started) / 1000),
  }
  mkdirSync(RESULTS, { recursive: true })
  // A run of some targets only (--targets) is a diagnostic: it never replaces a full result.
  const suffix = `${quick ? '-quick' : ''}${arg('targets') ? '-partial' : ''}`
  const file = new URL(`${date.slice(0, 10)}-${name}${suffix}.json`, RESULTS)
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
  process.stdout.write(`[${name}] wrote ${file.pathname}\n`)
}

function headline(m: Metrics): string {
  const keys = [
    'lastViewerP99',
    'deliveredPct',
    'outOfOrderOrDuplicate',
    'voteP99',
    'worstFramesInOneSecond',
    'questionsPerSecond',
    'rssPerViewerKiB',
    'rssMiB',
    'missed',
    'reconnectAllMs',
    'serverCpuMs',
    'generatorCpuMs',
  ]
  return keys
    .filter((k) => k in m)
    .map((k) => `${k}=${Number(m[k]).toFixed(k.endsWith('Pct') ? 1 : 1)}`)
    .join(' ')
}

/** The newest result of each case (full runs preferred over --quick ones). */
function latestResults(): CaseResult[] {
  const files = readdirSync(RESULTS).filter((f) => f.endsWith('.json'))
  const best = new Map<string, CaseResult>()
  for (const f of files.sort()) {
    if (f.includes('-partial')) continue
    const r = JSON.parse(readFileSync(new URL(f, RESULTS), 'utf8')) as CaseResult
    r.medians = medians(r.runs) // recomputed, so older files follow the current definition
    const prev = best.get(r.case)
    if (!prev || (prev.quick && !r.quick) || (prev.quick === r.quick && r.date > prev.date)) {
      best.set(r.case, r)
    }
  }
  return [...best.values()]
}

async function main() {
  const quick = arg('quick') !== undefined
  const reps = Number(arg('reps') || 3)
  const only = arg('case')
  const names = only ? only.split(',') : Object.keys(CASES)
  for (const n of names) if (!CASES[n]) throw new Error(`unknown case ${n}`)
  if (arg('docs-only') === undefined) {
    // Askhour is measured as `npm start` runs it: compiled.
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
    for (const n of names) await runCase(n, CASES[n] as CaseDef, quick ? QUICK : FULL, reps, quick)
  }
  const docs = new URL('../docs/performance.md', import.meta.url)
  writeFileSync(docs, renderDocs(latestResults()))
  process.stdout.write(`wrote ${docs.pathname}\n`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
