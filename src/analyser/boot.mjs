// Starts an analyser worker thread. Plain JavaScript: a worker thread does not inherit the
// TypeScript loader, so it registers tsx itself (as bin/askhour.js does) before loading worker.ts.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
