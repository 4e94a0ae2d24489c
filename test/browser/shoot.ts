// Screenshots of pages at phone and desktop sizes, for looking at the design:
//   node --import tsx test/browser/shoot.ts http://127.0.0.1:PORT /path1 /path2 ...  (to /tmp/shots)
import { mkdirSync } from 'node:fs'
import { DESKTOP, launch, PHONE } from './chromium.ts'

const [base, ...paths] = process.argv.slice(2)
const out = process.env.SHOTS ?? '/tmp/shots'
mkdirSync(out, { recursive: true })
const browser = await launch()
const cookie = process.env.COOKIE
for (const [name, size] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const) {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 })
  if (cookie) {
    const [k, v] = cookie.split('=') as [string, string]
    await context.addCookies([{ name: k, value: v, url: base as string }])
  }
  const page = await context.newPage()
  for (const p of paths) {
    await page.goto(`${base}${p}`)
    await page.waitForTimeout(300)
    const file = `${out}/${name}${p.replace(/[^a-z0-9]+/gi, '_')}.png`
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' })
    process.stdout.write(`${file}\n`)
  }
  await context.close()
}
await browser.close()
