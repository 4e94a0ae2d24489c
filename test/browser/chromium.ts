import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Whether browser tests can run. Without Chromium they are skipped with a loud message, except
 * under CI=true, where a missing browser is a failure.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  const msg = `\n*** Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium". ***\n`
  if (process.env.CI === 'true') throw new Error(msg)
  process.stderr.write(`${msg}*** Browser tests are SKIPPED. ***\n\n`)
  return false
}

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })

export const PHONE = { width: 390, height: 844 }
export const DESKTOP = { width: 1280, height: 800 }
