// Preloaded into every test file's process by scripts/test.ts. With --test-force-exit a file's
// process exits as soon as its tests are done, and its report reaches the runner through a pipe:
// writes still queued on that pipe were lost, so verdicts vanished and the run counted fewer tests
// than it ran (seen here: 763 instead of 774, the end of one file missing; node issue #64833).
// A blocking pipe has every write on it before the process can exit.
process.stdout._handle?.setBlocking?.(true)
