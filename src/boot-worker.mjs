// Starts a worker thread on `workerData.entry`: a module path from src/, without its extension.
// Plain JavaScript, because a worker thread does not inherit the TypeScript loader. Built (dist/),
// the compiled module loads as it is; from the sources, tsx is registered first, as
// bin/askhour.js does.
import { existsSync } from 'node:fs'
import { workerData } from 'node:worker_threads'

const compiled = new URL(`./${workerData.entry}.js`, import.meta.url)
if (existsSync(compiled)) {
  await import(compiled.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(new URL(`./${workerData.entry}.ts`, import.meta.url).href)
}
