// `npm run build [-- outDir]`: compiles src/ to dist/ so that `npm start` runs JavaScript. Under the
// TypeScript loader every process carries ~33 MB more (its hooks thread and the transformed
// sources; docs/performance.md). Plain JavaScript, so it runs before anything is compiled.
import { execFileSync } from 'node:child_process'
import { cpSync, readdirSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = resolve(process.argv[2] ?? join(root, 'dist'))
rmSync(dist, { recursive: true, force: true })
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', dist],
  {
    cwd: root,
    stdio: 'inherit',
  },
)
// What tsc does not emit: browser scripts, styles, icons, the demo's data and the worker entry
// points, which are plain JavaScript already. Test fixtures stay behind.
function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'testdata') copyAssets(path)
    } else if (!entry.name.endsWith('.ts')) {
      cpSync(path, join(dist, relative(join(root, 'src'), path)))
    }
  }
}
copyAssets(join(root, 'src'))
