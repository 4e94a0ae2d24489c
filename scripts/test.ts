/**
 * Runs every test: first all suites in parallel, then the scale-out suites alone (they restart
 * PostgreSQL and kill Redis, which would disturb the others). Prints the runners' own output and
 * ends with one line CI reads: "N passed, N failed".
 *
 * Nothing may hang: a test file still running after FILE_LIMIT_MS fails (the runner's timeout
 * applies to each file), a file whose tests are done exits even if it left a handle open, and a
 * run that still has not finished after RUN_LIMIT_MS is killed and counted as failed.
 */
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const SERIAL = join('test', 'scaleout')
const FILE_LIMIT_MS = 10 * 60_000
const RUN_LIMIT_MS = 30 * 60_000

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts') && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => join(dir, f))
}

function run(
  files: string[],
  concurrency: number,
): Promise<{ pass: number; fail: number; code: number }> {
  return new Promise((resolve) => {
    if (files.length === 0) return resolve({ pass: 0, fail: 0, code: 0 })
    const args = [
      '--import',
      'tsx',
      // Passed on to every file's process, where it keeps the report from being cut short.
      '--import',
      './scripts/blocking-stdout.mjs',
      '--test',
      `--test-concurrency=${concurrency}`,
      `--test-timeout=${FILE_LIMIT_MS}`,
      '--test-force-exit',
      '--test-reporter=tap',
      ...files,
    ]
    // Its own process group, so that the limit below also stops the runner's file processes.
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    })
    const stop = () => {
      if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGKILL')
    }
    // Detached children miss the terminal's Ctrl-C; pass it on.
    process.once('SIGINT', () => {
      stop()
      process.exit(130)
    })
    let overran = false
    const limit = setTimeout(() => {
      overran = true
      process.stderr.write(
        `\n*** test run still going after ${RUN_LIMIT_MS / 60_000} min: killed ***\n`,
      )
      stop()
    }, RUN_LIMIT_MS)
    let tail = ''
    child.stdout.on('data', (b: Buffer) => {
      process.stdout.write(b)
      tail = (tail + b.toString()).slice(-4000)
    })
    child.on('exit', (code) => {
      clearTimeout(limit)
      const count = (name: string) =>
        Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tail)?.[1] ?? 0)
      resolve({
        pass: count('pass'),
        fail: count('fail') + count('cancelled') + (overran ? 1 : 0),
        code: code ?? 1,
      })
    })
  })
}

const all = [...testFiles('src'), ...testFiles('test')].sort()
const parallel = await run(
  all.filter((f) => !f.startsWith(SERIAL)),
  2,
)
const serial = await run(
  all.filter((f) => f.startsWith(SERIAL)),
  1,
)
const pass = parallel.pass + serial.pass
const fail = parallel.fail + serial.fail
const crashed = (parallel.code !== 0 || serial.code !== 0) && fail === 0 ? 1 : 0
process.stdout.write(`\n${pass} passed, ${fail + crashed} failed\n`)
process.exit(fail + crashed > 0 ? 1 : 0)
