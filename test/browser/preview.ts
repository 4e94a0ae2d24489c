// Serves the seeded browser-test world for looking at pages by hand:
//   node --import tsx test/browser/preview.ts   (prints the address; Ctrl+C to stop)
import { buildWorld } from './world.ts'

const w = await buildWorld()
process.stdout.write(`${w.base} ${w.answerId}\n`)
