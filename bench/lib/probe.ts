/**
 * Preloaded into a benchmarked `askhour serve` (`--import ./bench/lib/probe.ts`): counts
 * JSON.stringify calls, so the bench can check that an event is serialised once, not per viewer.
 * `kill -USR2 <pid>` prints `stringify-calls <n>` on stderr.
 */
const original = JSON.stringify
let calls = 0
JSON.stringify = function counted(this: unknown, ...args: Parameters<typeof JSON.stringify>) {
  calls++
  return original.apply(this, args)
} as typeof JSON.stringify
process.on('SIGUSR2', () => {
  process.stderr.write(`stringify-calls ${calls}\n`)
})
