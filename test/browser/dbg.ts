import { launch } from './chromium.ts'
import { buildWorld } from './world.ts'
const t0 = Date.now()
const w = await buildWorld()
console.log('world', Date.now() - t0)
const b = await launch()
console.log('browser', Date.now() - t0)
const p = await b.newPage()
await p.goto(`${w.base}/chats/${w.chats.live}`)
console.log('goto', Date.now() - t0)
await b.close(); await w.close()
console.log('done', Date.now() - t0)
