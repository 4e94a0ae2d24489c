/**
 * Preloaded into a benchmarked `askhour serve` (`--import ./bench/lib/probe.mjs`): counts
 * JSON.stringify calls, so the bench can check that an event is serialised once, not per viewer.
 * `kill -USR2 <pid>` prints `stringify-calls <n>` on stderr. Plain JavaScript: the server it is
 * loaded into runs compiled, without the TypeScript loader.
 */
const original = JSON.stringify
let calls = 0
JSON.stringify = function counted(...args) {
  calls++
  return original.apply(this, args)
}
process.on('SIGUSR2', () => {
  process.stderr.write(`stringify-calls ${calls}\n`)
})
