import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { answerQuestion } from '../../src/app/answers.ts'
import { moderate } from '../../src/app/moderation.ts'
import { upvote } from '../../src/app/reactions.ts'
import { chromiumAvailable, DESKTOP, launch, PHONE } from './chromium.ts'
import type { BrowserDocument } from './dom-types.ts'
import { ask, buildWorld, newLiveChat, sessionCookie, type World } from './world.ts'

declare const document: BrowserDocument & {
  activeElement: { matches(s: string): boolean; id: string } | null
}
declare const window: { __stay?: number; scrollTo(x: number, y: number): void; scrollY: number }

/** Presses Tab until the focused element matches `selector`: the keyboard is the only input. */
async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`could not reach ${selector} with Tab`)
}

const run = chromiumAvailable() ? describe : describe.skip

run('live chat in Chromium: golden path by keyboard, live feed, upcoming and closed', () => {
  let w: World
  let browser: Browser
  const contexts: BrowserContext[] = []
  const context = async (email?: string, viewport = PHONE) => {
    const c = await browser.newContext({ viewport })
    if (email) {
      const { csrf: _c, ...cookie } = await sessionCookie(w, email)
      await c.addCookies([cookie])
    }
    contexts.push(c)
    return c.newPage()
  }
  const publish = async (slug: string, text: string, body: string) => {
    const q = await ask(w.deps, slug, text)
    await moderate(w.deps, w.host, slug, q.id, { type: 'approve' })
    await answerQuestion(w.deps, w.expert, slug, q.id, { kind: 'answer', body, publish: true })
  }

  before(async () => {
    ;[w, browser] = await Promise.all([buildWorld(), launch()])
    await newLiveChat(w, 'golden')
  })
  after(async () => {
    await browser?.close()
    await w?.close()
  })

  it('visitor asks → host approves → expert answers, all by keyboard; a second visitor sees both without reloading', {
    timeout: 60_000,
  }, async () => {
    const watcher = await context()
    await watcher.goto(`${w.base}/chats/golden`)
    await watcher.evaluate(() => {
      window.__stay = 1
    })
    await watcher.getByText('Live: new answers appear here automatically.').waitFor()

    const asker = await context()
    await asker.goto(`${w.base}/chats/golden`)
    await tabTo(asker, '#text')
    await asker.keyboard.type(
      'Do I need a permit to fit a security camera that looks over the street?',
    )
    await tabTo(asker, 'form[data-ask] button[type=submit]')
    await asker.keyboard.press('Enter')
    await asker.getByText('Thank you, your question has been sent').waitFor()

    const host = await context('host@gmp.test', { width: 1280, height: 800 })
    await host.goto(`${w.base}/staff/chats/golden/moderate`)
    await host.locator('.qcard').first().waitFor()
    await host.keyboard.press('j')
    await host.keyboard.press('a')
    await host.getByText('Nothing here right now.').waitFor()

    await watcher
      .locator('[data-waiting] .item', { hasText: 'security camera that looks over the street' })
      .waitFor()

    const expert = await context('expert@gmp.test', { width: 1280, height: 800 })
    await expert.goto(`${w.base}/staff/chats/golden/answer`)
    await tabTo(expert, 'textarea[name=body]')
    await expert.keyboard.type(
      'No permit is needed, but point it at your own property where you can, and tell people it is there.',
    )
    await tabTo(expert, 'button[value=publish]')
    await expert.keyboard.press('Enter')
    await expert.getByText('Answer published').waitFor()

    const answered = watcher.locator('[data-answers] .item', { hasText: 'security camera' })
    await answered.getByText('No permit is needed').waitFor()
    assert.equal(
      await watcher.locator('[data-waiting] .item').count(),
      0,
      'it moved from waiting to answered',
    )
    assert.equal(await watcher.evaluate(() => window.__stay), 1, 'the page was never reloaded')
    await watcher
      .locator('[data-announce]', { hasText: /1 new answer/ })
      .waitFor({ state: 'attached', timeout: 8000 })
  })

  it('pausing holds new items behind a "N new – show" button; the feed never moves what the reader is looking at', {
    timeout: 60_000,
  }, async () => {
    const page = await context()
    await page.goto(`${w.base}/chats/golden`)
    await page.getByText('Live: new answers appear here automatically.').waitFor()
    await tabTo(page, '[data-pause]')
    await page.keyboard.press('Enter')
    assert.equal(await page.getAttribute('[data-pause]', 'aria-pressed'), 'true')
    const before = await page.locator('[data-answers] .item').count()
    await publish(
      'golden',
      'Are dummy cameras any use at all?',
      'They help a little, but a real one is far better.',
    )
    await page.getByRole('button', { name: '1 new – show' }).waitFor()
    assert.equal(
      await page.locator('[data-answers] .item').count(),
      before,
      'nothing inserted while paused',
    )
    await page.getByRole('button', { name: '1 new – show' }).click()
    assert.equal(await page.locator('[data-answers] .item').count(), before + 1)
    await page.getByRole('button', { name: 'Resume updates' }).click()

    // Scroll so the answers are above the viewport, focus a button, then let an answer arrive above.
    const anchor = page.locator('h2#waiting-h')
    await publish(
      'golden',
      'One more waiting question about sheds?',
      'Lock sheds with a closed-shackle padlock.',
    )
    await page.locator('[data-answers] .item', { hasText: 'sheds' }).waitFor()
    const q = await ask(w.deps, 'golden', 'Should garden tools be marked with a postcode?')
    await moderate(w.deps, w.host, 'golden', q.id, { type: 'approve' })
    await page.locator('[data-waiting] .item', { hasText: 'garden tools' }).waitFor()
    await anchor.scrollIntoViewIfNeeded()
    await page.evaluate(() => window.scrollTo(0, window.scrollY + 150))
    await page.locator('[data-waiting] .item button').first().focus()
    const top = (await anchor.boundingBox())?.y ?? 0
    await publish(
      'golden',
      'Is a doorbell camera enough on its own?',
      'It helps, but good locks come first.\n\nAnd lights.',
    )
    await page.locator('[data-answers] .item', { hasText: 'doorbell camera enough' }).waitFor()
    const after = (await anchor.boundingBox())?.y ?? 0
    assert.ok(Math.abs(after - top) <= 2, `the waiting list stayed put (moved ${after - top}px)`)
    assert.ok(
      await page.evaluate(
        () => document.activeElement?.matches('[data-waiting] .item button') ?? false,
      ),
      'focus stayed',
    )
  })

  it('on a phone, the question form and the 999/101 guidance come before the answers', {
    timeout: 60_000,
  }, async () => {
    const page = await context()
    await page.goto(`${w.base}/chats/golden`)
    const top = async (selector: string) =>
      (await page.locator(selector).first().boundingBox())?.y ?? Infinity
    const help = await top('.help-box')
    assert.ok(help < 2 * PHONE.height, `the guidance starts within two screens (at ${help}px)`)
    assert.ok((await top('#ask-h')) < (await top('#answers-h')), 'asking comes before the answers')
    assert.ok(help < (await top('#answers-h')), 'the guidance comes before the answers')
    const desktop = await context(undefined, DESKTOP)
    await desktop.goto(`${w.base}/chats/golden`)
    const feed = (await desktop.locator('#answers-h').boundingBox())?.x ?? 0
    const ask = (await desktop.locator('#ask-h').boundingBox())?.x ?? 0
    assert.ok(feed < ask, 'on a wide screen the answers stay on the left, the form on the right')
  })

  it('a reader watching the top of the answers sees a new one arrive there; the page does not scroll', {
    timeout: 60_000,
  }, async () => {
    await publish(
      'golden',
      'Are timer switches worth it when away?',
      'Yes, for lamps in rooms facing the street.',
    )
    const page = await context(undefined, { width: 1280, height: 800 })
    await page.goto(`${w.base}/chats/golden`)
    await page.getByText('Live: new answers appear here automatically.').waitFor()
    const listTop = (await page.locator('[data-answers]').boundingBox())?.y ?? Infinity
    assert.ok(listTop < 800, `the answers start on screen (at ${listTop}px)`)
    await publish('golden', 'Do motion-sensor lights put burglars off?', 'They do, over the doors.')
    const arrived = page.locator('[data-answers] .item', { hasText: 'motion-sensor lights' })
    await arrived.waitFor()
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll')
    const y = (await arrived.boundingBox())?.y ?? -1
    assert.ok(y >= 0 && y < 800, `the new answer is on screen (at ${y}px)`)
  })

  it('[E8] a burst of upvotes reaches an open page as totals, without reloading', {
    timeout: 60_000,
  }, async () => {
    const page = await context()
    const q = await ask(w.deps, 'golden', 'Do window locks really stop burglars?')
    await moderate(w.deps, w.host, 'golden', q.id, { type: 'approve' })
    await page.goto(`${w.base}/chats/golden`)
    await page.getByText('Live: new answers appear here automatically.').waitFor()
    for (let i = 0; i < 7; i++) await upvote(w.deps, q.id, `burst-voter-${i}`)
    await page.locator(`[data-votes="${q.id}"]`, { hasText: '7 upvotes' }).waitFor()
  })

  it('upcoming: countdown, calendar file, share links, and the question form', {
    timeout: 30_000,
  }, async () => {
    const page = await context()
    await page.goto(`${w.base}/chats/${w.chats.upcoming}`)
    assert.match((await page.locator('[data-countdown]').textContent()) ?? '', /^Starts in 2 days/)
    assert.equal(
      await page.getByRole('link', { name: /Add to calendar/ }).getAttribute('href'),
      `/chats/${w.chats.upcoming}/calendar.ics`,
    )
    for (const net of ['Bluesky', 'Mastodon', 'X', 'WhatsApp', 'Email'])
      assert.match(
        (await page.getByRole('link', { name: new RegExp(`^${net}`) }).getAttribute('href')) ?? '',
        /AskGMPdogs/,
      )
    await page.getByRole('button', { name: 'Copy link' }).click()
    await page.getByText('Copied.').waitFor()
    await page
      .getByLabel('Your question')
      .fill('Can I still register my XL Bully for an exemption?')
    await page.getByRole('button', { name: 'Send question' }).click()
    await page.getByText('Thank you, your question has been sent').waitFor()
  })

  it('a question started while the last one is still on its way is kept, not wiped by the form reset', {
    timeout: 30_000,
  }, async () => {
    const page = await context()
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    // The first question's request waits until the asker has started typing the next.
    await page.route('**/api/v1/chats/*/questions', async (route) => {
      await held
      await route.continue()
    })
    await page.goto(`${w.base}/chats/${w.chats.upcoming}`)
    const box = page.getByLabel('Your question')
    await box.fill('Does the exemption cover a rescue dog?')
    await page.getByRole('button', { name: 'Send question' }).click()
    await box.fill('And what if the dog was rehomed last year?')
    release()
    await page.getByText('Thank you, your question has been sent').waitFor()
    assert.equal(await box.inputValue(), 'And what if the dog was rehomed last year?')
    await page.getByRole('button', { name: 'Send question' }).click()
    await page.getByText(/It will be shown as: .And what if the dog was rehomed/).waitFor()
    assert.equal(await box.inputValue(), '', 'the second one sent, the form is empty again')
  })

  it('closed: a transcript with counts, grouped, no form and no live script', {
    timeout: 30_000,
  }, async () => {
    const page = await context()
    await page.goto(`${w.base}/chats/${w.chats.closed}`)
    await page.getByRole('heading', { name: 'Transcript' }).waitFor()
    assert.equal(await page.locator('.transcript-item, section .item').count(), 3)
    assert.match(
      (await page.locator('.stat-row').textContent()) ?? '',
      /5\s+questions received\s+3\s+answered/,
    )
    assert.equal(await page.locator('form[data-ask]').count(), 0)
    assert.equal(await page.locator('script[src*="live.js"]').count(), 0)
    await page.getByRole('heading', { name: 'Questions we did not reach' }).waitFor()
  })

  it('[Q10] two moderators at once: the slower one sees a clear conflict, nothing is overwritten', {
    timeout: 30_000,
  }, async () => {
    const q = await ask(w.deps, 'golden', 'Who do I call about a broken street light?')
    const a = await context('host@gmp.test', { width: 1280, height: 800 })
    const b = await context('admin@gmp.test', { width: 1280, height: 800 })
    await a.goto(`${w.base}/staff/chats/golden/moderate`)
    await b.goto(`${w.base}/staff/chats/golden/moderate`)
    const cardB = b.locator(`#mq-${q.id}`)
    await cardB.locator('select[name=reason]').focus()
    await a.locator(`#mq-${q.id} button`, { hasText: 'Approve' }).click()
    await a.getByText('Nothing here right now.').waitFor()
    await b.getByRole('button', { name: 'Show new activity' }).waitFor()
    await cardB.getByRole('button', { name: 'Approve' }).click()
    await cardB
      .locator('.conflict', {
        hasText:
          'That has changed since you loaded the page: Cannot approve a question that is approved.',
      })
      .waitFor()
    await cardB.getByRole('button', { name: 'Reload the queue' }).click()
    await b.getByText('Nothing here right now.').waitFor()
    assert.equal((await w.deps.store.read.questions.findById(q.id))?.state, 'approved')
  })
})
