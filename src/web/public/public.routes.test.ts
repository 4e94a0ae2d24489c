import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chat, member, organisation } from '../../../test/factories.ts'
import { testDeps, testServer } from '../../../test/harness.ts'
import { Client } from '../../../test/http.ts'
import { postForm } from '../../../test/web.ts'
import { answerQuestion } from '../../app/answers.ts'
import type { Deps } from '../../app/deps.ts'
import { moderate } from '../../app/moderation.ts'
import { askQuestion } from '../../app/questions.ts'
import type { Actor } from '../../domain/permissions.ts'
import type { Server } from '../../http/server.ts'

const XSS = `<script>window.__xss=1</script><img src=x onerror="alert(1)">"'&`

describe('public pages (server-rendered, JavaScript off)', () => {
  let deps: Deps
  let server: Server
  let host: Actor
  let expert: Actor
  let answerId = ''
  before(async () => {
    deps = await testDeps()
    server = await testServer(deps)
    const { org, admin } = await organisation(deps, 'gmp')
    host = admin
    expert = await member(deps, org.id, 'expert', 'expert@gmp.test', 'PC <b>Sam</b>')
    await chat(deps, host, 'gmp', 'live', 'live-chat')
    await chat(deps, host, 'gmp', 'scheduled', 'soon-chat')
    await chat(deps, host, 'gmp', 'closed', 'old-chat')
    await chat(deps, host, 'gmp', 'draft', 'secret-chat')
    const c = await deps.store.read.chats.findBySlug('live-chat')
    if (!c) throw new Error('no chat')
    const { question } = await askQuestion(
      deps,
      c,
      { text: `Is this safe? ${XSS}` },
      { visitorKey: 'v1' },
    )
    await moderate(deps, host, 'live-chat', question.id, { type: 'approve' })
    answerId = (
      await answerQuestion(deps, expert, 'live-chat', question.id, {
        kind: 'answer',
        body: `Yes. ${XSS}`,
        publish: true,
      })
    ).id
  })
  after(() => server.shutdown())

  it('[C9] the organisation page lists scheduled, live and closed chats but never a draft', async () => {
    const res = await new Client(server.app).get('/o/gmp')
    assert.equal(res.statusCode, 200)
    assert.match(res.headers['content-type'] as string, /text\/html/)
    for (const slug of ['live-chat', 'soon-chat', 'old-chat'])
      assert.match(res.body, new RegExp(`/chats/${slug}"`))
    assert.doesNotMatch(res.body, /secret-chat/)
    assert.equal((await new Client(server.app).get('/chats/secret-chat')).statusCode, 404)
    assert.equal((await new Client(server.app).get('/o/nobody')).statusCode, 404)
  })

  it('sends a CSP without unsafe-inline and denies framing, except on the embed', async () => {
    const page = await new Client(server.app).get('/chats/live-chat')
    const csp = page.headers['content-security-policy'] as string
    assert.match(csp, /default-src 'self'/)
    assert.match(csp, /script-src 'self'/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.doesNotMatch(csp, /unsafe-inline/)
    assert.equal(page.headers['x-content-type-options'], 'nosniff')
    assert.doesNotMatch(
      page.body,
      /<script>(?!<\/script>)|style="|onclick=/,
      'no inline script or style',
    )
    const embed = await new Client(server.app).get('/chats/live-chat/embed')
    assert.equal(embed.statusCode, 200)
    assert.match(embed.headers['content-security-policy'] as string, /frame-ancestors \*/)
    assert.equal(embed.headers['x-frame-options'], undefined)
  })

  it('shows the emergency guidance on every chat page, in each state', async () => {
    for (const slug of ['live-chat', 'soon-chat', 'old-chat']) {
      const res = await new Client(server.app).get(`/chats/${slug}`)
      assert.equal(res.statusCode, 200, slug)
      assert.match(res.body, /If you need help now/, slug)
      assert.match(res.body, /call 999/, slug)
    }
  })

  it('escapes user text everywhere it appears: feed, answer page, Atom feed', async () => {
    const pages = [
      await new Client(server.app).get('/chats/live-chat'),
      await new Client(server.app).get(`/answers/${answerId}`),
      await new Client(server.app).get('/chats/live-chat/embed'),
    ]
    for (const p of pages) {
      assert.doesNotMatch(p.body, /<script>window/)
      assert.doesNotMatch(p.body, /<img src=x/)
      assert.doesNotMatch(p.body, /<b>Sam/)
      assert.match(p.body, /&lt;script&gt;window.__xss=1&lt;\/script&gt;/)
    }
    const atom = await new Client(server.app).get('/chats/live-chat/answers.atom')
    assert.match(atom.headers['content-type'] as string, /application\/atom\+xml/)
    assert.doesNotMatch(atom.body, /<script>/)
    assert.match(atom.body, /<entry>/)
  })

  it('[Q1][Q12] a visitor asks with the plain form: redirected back with a thank-you that shows the masked text', async () => {
    const visitor = new Client(server.app)
    const res = await postForm(visitor, '/chats/live-chat/ask', {
      text: 'Call me on 07700 900123 about my dog please',
      idempotencyKey: 'form-key-0001',
    })
    assert.equal(res.statusCode, 303)
    assert.match(res.headers.location as string, /^\/chats\/live-chat/)
    const page = await visitor.get('/chats/live-chat')
    assert.match(page.body, /Thank you, your question has been sent/)
    assert.match(page.body, /\[phone\]/)
    assert.doesNotMatch(page.body, /07700 900123/)
    const again = await postForm(visitor, '/chats/live-chat/ask', {
      text: 'Call me on 07700 900123 about my dog please',
      idempotencyKey: 'form-key-0001',
    })
    assert.equal(again.statusCode, 303)
    const c = await deps.store.read.chats.findBySlug('live-chat')
    const pending = await deps.store.read.questions.list(c?.id ?? '', { states: ['pending'] })
    assert.equal(
      pending.filter((q) => q.text.includes('07700')).length,
      1,
      '[Q3] a double submit asks once',
    )
  })

  it('[Q12] an emergency gets the guidance straight back', async () => {
    const visitor = new Client(server.app)
    await postForm(visitor, '/chats/live-chat/ask', {
      text: 'Someone is breaking into my car right now, call the police',
    })
    const page = await visitor.get('/chats/live-chat')
    assert.match(page.body, /Thank you, your question has been sent/)
  })

  it('[Q2] a too-short question re-renders the form with an error, keeping (escaped) what was typed', async () => {
    const res = await postForm(new Client(server.app), '/chats/live-chat/ask', {
      text: '<b',
      authorName: XSS,
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /There is a problem/)
    assert.match(res.body, /aria-invalid="true"/)
    assert.match(res.body, /&lt;b<\/textarea>/)
    assert.doesNotMatch(res.body, /<script>window/)
  })

  it('[Q1] a closed chat has no question form and refuses a posted question', async () => {
    const page = await new Client(server.app).get('/chats/old-chat')
    assert.doesNotMatch(page.body, /action="\/chats\/old-chat\/ask"/)
    assert.match(page.body, /questions received/)
    const res = await postForm(new Client(server.app), '/chats/old-chat/ask', { text: 'Too late?' })
    assert.equal(res.statusCode, 409)
  })

  it('[Q6][A5] upvote and thanks work as plain forms, once per visitor', async () => {
    const visitor = new Client(server.app)
    const c = await deps.store.read.chats.findBySlug('live-chat')
    const [q] = await deps.store.read.questions.list(c?.id ?? '', { states: ['answered'] })
    assert.ok(q)
    const first = await postForm(visitor, `/chats/live-chat/questions/${q.id}/upvote`, {})
    assert.equal(first.statusCode, 303)
    assert.equal((await deps.store.read.questions.findById(q.id))?.votes, 1)
    await postForm(visitor, `/chats/live-chat/questions/${q.id}/upvote`, {})
    assert.match((await visitor.get('/chats/live-chat')).body, /already upvoted/)
    assert.equal((await deps.store.read.questions.findById(q.id))?.votes, 1)
    const thanks = await postForm(visitor, `/chats/live-chat/answers/${answerId}/thank`, {
      back: 'answer',
    })
    assert.equal(thanks.headers.location, `/answers/${answerId}`)
    assert.equal((await deps.store.read.answers.findById(answerId))?.thanks, 1)
  })

  it('[R9] views of the live page and of each answer page are counted per visitor-day for the report', async () => {
    const c = await deps.store.read.chats.findBySlug('live-chat')
    assert.ok(c)
    await deps.audience.flush()
    const before = await deps.store.read.reports.pageViews(c.id, 'answer')
    const returning = new Client(server.app)
    await returning.get(`/answers/${answerId}`)
    await returning.get(`/answers/${answerId}`)
    await new Client(server.app).get(`/answers/${answerId}`)
    await returning.get('/chats/live-chat')
    await deps.audience.flush()
    const views = (await deps.store.read.reports.pageViews(c.id, 'answer')).find(
      (v) => v.itemId === answerId,
    )
    const was = before.find((v) => v.itemId === answerId)
    assert.equal((views?.views ?? 0) - (was?.views ?? 0), 3)
    assert.equal((views?.visitors ?? 0) - (was?.visitors ?? 0), 2)
    const live = await deps.store.read.reports.pageViews(c.id, 'live')
    assert.ok((live[0]?.views ?? 0) >= 1)
  })

  it('gives every answer a permanent page with Open Graph and Twitter metadata and a PNG share image', async () => {
    const res = await new Client(server.app).get(`/answers/${answerId}`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<meta property="og:title" content="Is this safe\?/)
    assert.match(
      res.body,
      new RegExp(
        `<meta property="og:image" content="http://askhour.test/answers/${answerId}/share.png">`,
      ),
    )
    assert.match(res.body, /<meta name="twitter:card" content="summary_large_image">/)
    assert.match(res.body, /#askGMP/)
    assert.match(res.body, /bsky\.app\/intent\/compose/)
    const png = await new Client(server.app).get(`/answers/${answerId}/share.png`)
    assert.equal(png.statusCode, 200)
    assert.equal(png.headers['content-type'], 'image/png')
    assert.deepEqual([...png.rawPayload.subarray(1, 4)], [...Buffer.from('PNG')])
    assert.equal(png.rawPayload.readUInt32BE(16), 1200)
    assert.equal((await new Client(server.app).get('/answers/nope')).statusCode, 404)
  })

  it('answers a mistyped address with a page for browsers and JSON for API clients', async () => {
    const client = new Client(server.app)
    const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }
    const page = await client.get('/chatz/live-chat', browser)
    assert.equal(page.statusCode, 404)
    assert.match(String(page.headers['content-type']), /^text\/html/)
    assert.match(page.body, /<h1>Page not found<\/h1>/)
    assert.match(page.body, /check it is correct/)
    assert.ok(page.headers['content-security-policy'], "sent with the pages' security headers")
    const api = await client.get('/api/v1/chatz', browser)
    assert.equal(api.statusCode, 404)
    assert.deepEqual(api.json(), { error: 'not_found', message: 'No such page.' })
    const script = await client.get('/chatz/live-chat', { accept: 'application/json' })
    assert.equal(script.json().error, 'not_found')
  })

  it('offers the upcoming chat as a calendar file and share links carrying the hashtag', async () => {
    const page = await new Client(server.app).get('/chats/soon-chat')
    assert.match(page.body, /data-countdown=/)
    assert.match(page.body, /href="\/chats\/soon-chat\/calendar.ics"/)
    for (const net of ['bsky.app', 'mastodonshare.com', 'x.com/intent', 'wa.me', 'mailto:'])
      assert.match(page.body, new RegExp(net.replace('.', '\\.')))
    assert.match(page.body, /%23askGMP/)
    const ics = await new Client(server.app).get('/chats/soon-chat/calendar.ics')
    assert.match(ics.headers['content-type'] as string, /text\/calendar/)
    assert.match(ics.body, /BEGIN:VCALENDAR/)
    assert.match(ics.body, /#askGMP/)
  })

  it('serves assets with a long cache and the brand theme as a stylesheet', async () => {
    const page = await new Client(server.app).get('/chats/live-chat')
    const src = /<script src="(\/assets\/live\.js\?v=[0-9a-f]+)"/.exec(page.body)?.[1]
    assert.ok(src)
    const js = await new Client(server.app).get(src)
    assert.equal(js.statusCode, 200)
    assert.match(js.headers['cache-control'] as string, /immutable/)
    const theme = await new Client(server.app).get('/o/gmp/theme.css')
    assert.match(theme.body, /--band:#1d4f91;--on-band:#ffffff/)
  })
})
