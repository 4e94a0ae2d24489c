// Starts a report-themes worker thread. Plain JavaScript: a worker thread does not inherit the
// TypeScript loader. Built (dist/), the compiled worker loads as it is; from the sources, tsx is
// registered first, as the analyser's boot.mjs does.
import { existsSync } from 'node:fs'

const compiled = new URL('./report.themes.worker.js', import.meta.url)
if (existsSync(compiled)) {
  await import(compiled.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('./report.themes.worker.ts')
}
