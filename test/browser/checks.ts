import assert from 'node:assert/strict'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import type { BrowserDocument, GetComputedStyle } from './dom-types.ts'

declare const document: BrowserDocument
declare const getComputedStyle: GetComputedStyle

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Runs axe with the WCAG 2.2 AA tags and fails with a readable list of violations. */
export async function assertNoAxeViolations(page: Page, label: string): Promise<number> {
  // Legacy mode runs axe in the page itself; the default opens a second, blank page for every run,
  // which doubled the cost of each check here.
  const result = await new AxeBuilder({ page }).setLegacyMode(true).withTags(AXE_TAGS).analyze()
  const problems = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  )
  assert.deepEqual(problems, [], `axe violations on ${label}:\n${problems.join('\n')}`)
  return result.passes.length
}

/** [1.4.10] No horizontal scrolling at the current (320 px) width. */
export async function assertNoHorizontalScroll(page: Page, label: string) {
  const { scroll, client, culprits } = await page.evaluate(() => {
    const w = document.documentElement.clientWidth
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
    return { scroll: document.documentElement.scrollWidth, client: w, culprits: wide }
  })
  assert.ok(
    scroll <= client,
    `${label} scrolls sideways at ${client}px (${scroll}px wide): ${culprits.join(', ')}`,
  )
}

/** [2.5.8] Interactive targets are at least 24×24 CSS px (links inside sentences are exempt). */
export async function assertTargetSizes(page: Page, label: string) {
  const small = await page.evaluate(() => {
    const sel =
      'button, input:not([type=hidden]), select, textarea, summary, a.button, nav a, .tabs a, .reactions a'
    return [...document.querySelectorAll(sel)]
      .filter((e) => {
        const r = e.getBoundingClientRect()
        const style = getComputedStyle(e)
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') return false
        if (e.closest('.visually-hidden, .skip-link')) return false
        return r.width < 24 || r.height < 24
      })
      .map((e) => {
        const r = e.getBoundingClientRect()
        return `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`
      })
  })
  assert.deepEqual(small, [], `${label}: targets under 24×24 px:\n${small.join('\n')}`)
}

/** Records every request a page makes and any CSP violation or console error. */
export function watch(page: Page) {
  const requests: string[] = []
  const problems: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of (404|400|409|401)/.test(
        m.text(),
      )
    )
      problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  return { requests, problems }
}
