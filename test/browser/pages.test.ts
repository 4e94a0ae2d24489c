import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  assertNoAxeViolations,
  assertNoHorizontalScroll,
  assertTargetSizes,
  watch,
} from './checks.ts'
import { chromiumAvailable, DESKTOP, launch } from './chromium.ts'
import type { BrowserDocument } from './dom-types.ts'
import { buildWorld, sessionCookie, type World } from './world.ts'

interface Visit {
  label: string
  path: (w: World) => string
  /** Puts the page into the state under test after it loads. */
  setup?: (page: Page) => Promise<void>
  status?: number
}

declare const document: BrowserDocument

const run = chromiumAvailable() ? describe : describe.skip

run(
  'every page, in each state: WCAG 2.2 AA (axe), 320 px reflow, 24 px targets, nothing leaves 127.0.0.1',
  () => {
    let w: World
    let browser: Browser
    let visitor: BrowserContext
    let staff: BrowserContext
    const seen: string[] = []
    const problems: string[] = []
    let axeRuns = 0

    before(async () => {
      ;[w, browser] = await Promise.all([buildWorld(), launch()])
      visitor = await browser.newContext({ viewport: DESKTOP })
      staff = await browser.newContext({ viewport: DESKTOP })
      const { csrf: _csrf, ...cookie } = await sessionCookie(w, 'admin@gmp.test')
      await staff.addCookies([cookie])
    })
    after(async () => {
      await browser?.close()
      await w?.close()
    })

    async function check(context: BrowserContext, v: Visit) {
      const page = await context.newPage()
      if (process.env.DEBUG_PAGES) process.stderr.write(`${v.label}\n`)
      const log = watch(page)
      const res = await page.goto(`${w.base}${v.path(w)}`)
      assert.equal(res?.status(), v.status ?? 200, `${v.label}: status`)
      await v.setup?.(page)
      await assertNoAxeViolations(page, v.label)
      axeRuns++
      await page.setViewportSize({ width: 320, height: 720 })
      await assertNoHorizontalScroll(page, v.label)
      await assertTargetSizes(page, v.label)
      seen.push(...log.requests)
      problems.push(...log.problems.map((p) => `${v.label}: ${p}`))
      await page.close()
    }

    /** Submits a form the way a browser without JavaScript does (form.submit() skips our scripts). */
    const submitPlain = (form: string, fill?: Record<string, string>) => async (page: Page) => {
      await Promise.all([
        page.waitForNavigation(),
        page.evaluate(
          ([sel, values]) => {
            const f = document.querySelector(sel as string)
            if (!f) throw new Error(`no form ${sel}`)
            for (const [k, v] of Object.entries(values as Record<string, string>)) {
              const input = f.elements.namedItem(k)
              if (input) input.value = v
            }
            f.submit()
          },
          [form, fill ?? {}] as const,
        ),
      ])
    }

    // One test per page-state: a failure names the page, and each has its own time budget.
    const visitEach = (group: string, context: () => BrowserContext, visits: Visit[]) => {
      for (const v of visits)
        it(`${group}: ${v.label}`, { timeout: 45_000 }, () => check(context(), v))
    }

    visitEach('public', () => visitor, [
      { label: 'landing', path: () => '/' },
      { label: 'organisation', path: () => '/o/gmp' },
      { label: 'chat, upcoming with questions open', path: (w) => `/chats/${w.chats.upcoming}` },
      { label: 'chat, live', path: (w) => `/chats/${w.chats.live}` },
      {
        label: 'chat, live, paused with new items held',
        path: (w) => `/chats/${w.chats.live}`,
        setup: async (page) => {
          await page.getByRole('button', { name: 'Pause updates' }).click()
          await page.getByRole('button', { name: 'Resume updates' }).waitFor()
        },
      },
      {
        label: 'chat, live, after asking (JS thank-you)',
        path: (w) => `/chats/${w.chats.live}`,
        setup: async (page) => {
          await page.getByLabel('Your question').fill('Is a wireless alarm as good as a wired one?')
          await page.getByRole('button', { name: 'Send question' }).click()
          await page.getByText('Thank you, your question has been sent').waitFor()
        },
      },
      { label: 'chat, closed transcript', path: (w) => `/chats/${w.chats.closed}` },
      { label: 'answer page', path: (w) => `/answers/${w.answerId}` },
      { label: 'embed', path: (w) => `/chats/${w.chats.live}/embed` },
      { label: 'page not found', path: (w) => `/chats/${w.chats.draft}`, status: 404 },
      { label: 'staff sign-in', path: () => '/staff/sign-in' },
      { label: 'setup link', path: () => '/setup?token=x' },
      { label: 'invitation', path: () => '/invite?token=x' },
    ])

    // As served without JavaScript: the form error state and the flash after asking.
    visitEach('public, plain posts', () => visitor, [
      {
        label: 'chat, question form with an error',
        path: (w) => `/chats/${w.chats.upcoming}`,
        setup: submitPlain('form[data-ask]', { text: 'x' }),
      },
      {
        label: 'chat, thank-you flash after asking',
        path: (w) => `/chats/${w.chats.upcoming}`,
        setup: submitPlain('form[data-ask]', {
          text: 'Are XL Bully cross-breeds covered by the ban?',
        }),
      },
      { label: 'sign-in error', path: () => '/staff/sign-in', setup: submitPlain('main form') },
    ])

    visitEach('staff', () => staff, [
      { label: 'staff home', path: () => '/staff' },
      { label: 'organisation settings', path: () => '/staff/o/gmp/settings' },
      { label: 'plan a new chat', path: () => '/staff/o/gmp/chats/new' },
      {
        label: 'plan a new chat, with errors',
        path: () => '/staff/o/gmp/chats/new',
        setup: submitPlain('main form'),
      },
      { label: 'planner, draft', path: (w) => `/staff/chats/${w.chats.draft}/plan` },
      { label: 'planner, scheduled', path: (w) => `/staff/chats/${w.chats.upcoming}/plan` },
      { label: 'planner, live', path: (w) => `/staff/chats/${w.chats.live}/plan` },
      { label: 'planner, closed', path: (w) => `/staff/chats/${w.chats.closed}/plan` },
      { label: 'moderation queue, waiting', path: (w) => `/staff/chats/${w.chats.live}/moderate` },
      {
        label: 'moderation queue, edit open',
        path: (w) => `/staff/chats/${w.chats.live}/moderate`,
        setup: async (page) => {
          await page.locator('.qcard').first().focus()
          await page.keyboard.press('e')
        },
      },
      {
        label: 'moderation queue, all',
        path: (w) => `/staff/chats/${w.chats.live}/moderate?state=all`,
      },
      {
        label: 'moderation queue, urgent filter',
        path: (w) => `/staff/chats/${w.chats.live}/moderate?flag=urgent`,
      },
      { label: 'expert view', path: (w) => `/staff/chats/${w.chats.live}/answer` },
      { label: 'dashboard, live', path: (w) => `/staff/chats/${w.chats.live}/dashboard` },
      {
        label: 'dashboard, upcoming',
        path: (w) => `/staff/chats/${w.chats.upcoming}/dashboard`,
      },
      { label: 'presenter view', path: (w) => `/staff/chats/${w.chats.live}/present` },
    ])

    it('makes no request to any host but 127.0.0.1, and hits no CSP violation or script error', () => {
      const away = seen.filter((u) => new URL(u).hostname !== '127.0.0.1')
      assert.deepEqual(away, [])
      assert.ok(seen.length > 50, `recorded ${seen.length} requests`)
      assert.deepEqual(problems, [])
      assert.ok(axeRuns >= 30, `${axeRuns} pages checked with axe`)
    })
  },
)
