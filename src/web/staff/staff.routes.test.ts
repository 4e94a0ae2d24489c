import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chat, member, organisation, PASSWORD } from '../../../test/factories.ts'
import { testDeps, testServer } from '../../../test/harness.ts'
import { Client } from '../../../test/http.ts'
import { csrfOf, postForm } from '../../../test/web.ts'
import type { Deps } from '../../app/deps.ts'
import { moderate } from '../../app/moderation.ts'
import { askQuestion } from '../../app/questions.ts'
import { upvote } from '../../app/reactions.ts'
import type { Server } from '../../http/server.ts'

/** Signs in through the page form (no JSON), returning the client and the page's CSRF token. */
async function signIn(server: Server, email: string) {
  const c = new Client(server.app)
  const res = await postForm(c, '/staff/sign-in', { email, password: PASSWORD, next: '/staff' })
  assert.equal(res.statusCode, 303, res.body)
  const home = await c.get('/staff')
  assert.equal(home.statusCode, 200)
  return { c, csrf: csrfOf(home.body) }
}

describe('staff console (server-rendered forms)', () => {
  let deps: Deps
  let server: Server
  const ask = async (text: string) => {
    const c = await deps.store.read.chats.findBySlug('live-chat')
    if (!c) throw new Error('no chat')
    return (
      await askQuestion(deps, c, { text }, { visitorKey: `v-${text.length}-${Math.random()}` })
    ).question
  }
  before(async () => {
    deps = await testDeps()
    server = await testServer(deps)
    const { org, admin } = await organisation(deps, 'gmp')
    await member(deps, org.id, 'host', 'host@gmp.test', 'Dana Host')
    await member(deps, org.id, 'expert', 'expert@gmp.test', 'PC Sam Patel')
    await chat(deps, admin, 'gmp', 'live', 'live-chat')
    const other = await organisation(deps, 'other', 'admin@other.test')
    await chat(deps, other.admin, 'other', 'live', 'their-chat')
  })
  after(() => server.shutdown())

  it('[U3] sends visitors without a session to sign in, and signs in with the plain form', async () => {
    const anon = new Client(server.app)
    const res = await anon.get('/staff/chats/live-chat/moderate')
    assert.equal(res.statusCode, 303)
    assert.match(res.headers.location as string, /^\/staff\/sign-in\?next=/)
    const bad = await postForm(anon, '/staff/sign-in', {
      email: 'host@gmp.test',
      password: 'wrong password!',
    })
    assert.equal(bad.statusCode, 401)
    assert.match(bad.body, /Email or password is wrong/)
    const { c } = await signIn(server, 'host@gmp.test')
    assert.match((await c.get('/staff')).body, /Org gmp/)
  })

  it('[U7] refuses a staff form without the session CSRF token, and accepts it with the _csrf field', async () => {
    const { c, csrf } = await signIn(server, 'host@gmp.test')
    const q = await ask('Can I walk my dog off the lead in the park?')
    const url = `/staff/chats/live-chat/moderate/${q.id}`
    const refused = await postForm(c, url, { action: 'approve' })
    assert.equal(refused.statusCode, 403)
    assert.equal((await deps.store.read.questions.findById(q.id))?.state, 'pending')
    const ok = await postForm(c, url, { action: 'approve', _csrf: csrf, back: '?state=pending' })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/staff/chats/live-chat/moderate?state=pending')
    assert.equal((await deps.store.read.questions.findById(q.id))?.state, 'approved')
    assert.match(
      (await c.get(ok.headers.location as string)).body,
      /Approved: the question is on the public feed/,
    )
  })

  it('[P2] another organisation’s chats and settings answer 404', async () => {
    const { c } = await signIn(server, 'host@gmp.test')
    for (const url of [
      '/staff/chats/their-chat/moderate',
      '/staff/chats/their-chat/answer',
      '/staff/chats/their-chat/plan',
      '/staff/chats/their-chat/dashboard',
      '/staff/o/other/settings',
    ])
      assert.equal((await c.get(url)).statusCode, 404, url)
  })

  it('[Q14] the queue shows pending questions with their private text and personal data highlighted', async () => {
    const { c } = await signIn(server, 'host@gmp.test')
    await ask('My number is 07700 900456, is my dog exempt?')
    const page = await c.get('/staff/chats/live-chat/moderate')
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<mark>07700 900456/)
    assert.match(page.body, /Personal data hidden/)
    assert.match(page.body, /Waiting <span class="count-n">\(\d+\)/)
    const fragment = await c.get('/staff/chats/live-chat/moderate?fragment=1')
    assert.match(fragment.body, /^<div id="queue-region"/)
  })

  /** A live chat with 55 plain questions and, asked last, an emergency; and a host for it. */
  const busyChat = async (slug: string) => {
    const { org, admin } = await organisation(deps, 'gmp')
    const email = `${slug}-host@gmp.test`
    await member(deps, org.id, 'host', email, 'Busy Host')
    const busy = await chat(deps, admin, 'gmp', 'live', slug)
    for (let i = 0; i < 55; i++) {
      const text = `Is breed number ${i} on the list?`
      await askQuestion(deps, busy, { text }, { visitorKey: `${slug}-${i}` })
    }
    const emergency =
      "My neighbour's dog has just bitten my son and he is bleeding badly, please help"
    const { question } = await askQuestion(deps, busy, { text: emergency }, { visitorKey: slug })
    return { admin, busy, last: question, host: (await signIn(server, email)).c }
  }
  const cards = (body: string) => body.match(/<li class="qcard/g)?.length ?? 0

  it('[Q14] a long queue shows the first 50, urgent first, says how many there are, and shows more on request', async () => {
    const { host: c } = await busyChat('busy-chat')

    const page = await c.get('/staff/chats/busy-chat/moderate')
    assert.equal(cards(page.body), 50)
    assert.match(page.body, /Waiting: 56 questions/)
    assert.match(page.body, /Showing the first 50 of 56, urgent first/)
    assert.ok(page.body.includes('bleeding badly'), 'the emergency, asked last, is among the first')
    assert.match(page.body, /<a href="\?state=pending&amp;limit=56">Show 6 more<\/a>/)

    const more = await c.get('/staff/chats/busy-chat/moderate?state=pending&limit=56')
    assert.equal(cards(more.body), 56)
    assert.doesNotMatch(more.body, /Showing the first/)
    // Without JavaScript a form returns to its "back": to the list as long as it was.
    const backs = [...more.body.matchAll(/name="back" value="([^"]*)"/g)].map((m) => m[1])
    assert.ok(backs.length > 56, 'each card and the bulk form say where to return')
    assert.deepEqual(new Set(backs), new Set(['?state=pending&amp;limit=56']))
  })

  it('the questions to answer show the first 50, most upvoted first, and more on request', async () => {
    const { admin, busy, last, host: c } = await busyChat('busy-answers')
    const pending = await deps.store.read.questions.list(busy.id, { states: ['pending'] })
    for (const q of pending) await moderate(deps, admin, 'busy-answers', q.id, { type: 'approve' })
    await upvote(deps, last.id, 'a-visitor')

    const page = await c.get('/staff/chats/busy-answers/answer?show=all')
    assert.equal(cards(page.body), 50)
    assert.match(page.body, /To answer \(56\)/)
    assert.match(page.body, /Showing the first 50 of 56, the most upvoted first/)
    assert.match(page.body, /<a href="\?show=all&amp;limit=56">Show 6 more<\/a>/)
    const first = page.body.split('<li class="qcard')[1] ?? ''
    assert.ok(first.includes('bleeding badly'), 'the one upvoted question, asked last, comes first')
    const more = await c.get('/staff/chats/busy-answers/answer?show=all&limit=56')
    assert.equal(cards(more.body), 56)
    assert.match(more.body, /href="\?show=all&amp;limit=56" data-ans-refresh/)
  })

  it('[Q10] a stale edit is refused with 409 for the enhanced form, and explained on the page without JavaScript', async () => {
    const { c, csrf } = await signIn(server, 'host@gmp.test')
    const q = await ask('Where is the nearest dog warden office please?')
    const url = `/staff/chats/live-chat/moderate/${q.id}`
    const edit = {
      action: 'edit',
      publicText: 'Where is the dog warden?',
      version: String(q.version),
      _csrf: csrf,
    }
    assert.equal((await postForm(c, url, edit, { accept: 'application/json' })).statusCode, 200)
    const stale = await postForm(
      c,
      url,
      { ...edit, publicText: 'Other words' },
      { accept: 'application/json' },
    )
    assert.equal(stale.statusCode, 409)
    assert.match(stale.json().message, /Someone else changed this question/)
    const plain = await postForm(c, url, { ...edit, publicText: 'Other words' })
    assert.equal(plain.statusCode, 303)
    assert.match(
      (await c.get('/staff/chats/live-chat/moderate')).body,
      /That has changed since you loaded the page/,
    )
    assert.equal(
      (await deps.store.read.questions.findById(q.id))?.publicText,
      'Where is the dog warden?',
    )
  })

  it('[Q13] undoes a mask from the queue', async () => {
    const { c, csrf } = await signIn(server, 'host@gmp.test')
    const q = await ask('Is Rex at 12 Acacia Avenue allowed out without a muzzle?')
    const mask = q.masks[0]
    assert.ok(mask, 'the address is masked')
    const res = await postForm(c, `/staff/chats/live-chat/moderate/${q.id}`, {
      action: 'unmask',
      start: String(mask.start),
      end: String(mask.end),
      version: String(q.version),
      _csrf: csrf,
    })
    assert.equal(res.statusCode, 303)
    assert.equal((await deps.store.read.questions.findById(q.id))?.masks.length, q.masks.length - 1)
  })

  it('approves several questions at once with the bulk form', async () => {
    const { c, csrf } = await signIn(server, 'host@gmp.test')
    const a = await ask('Bulk question number one about leads?')
    const b = await ask('Bulk question number two about muzzles?')
    const res = await postForm(c, '/staff/chats/live-chat/moderate/bulk', {
      _csrf: csrf,
      action: 'approve',
      ids: [a.id, b.id],
      back: '?state=pending',
    })
    assert.equal(res.statusCode, 303)
    for (const id of [a.id, b.id])
      assert.equal((await deps.store.read.questions.findById(id))?.state, 'approved')
  })

  it('[A2][A4] an expert publishes an answer from the form and corrects it', async () => {
    const host = await signIn(server, 'host@gmp.test')
    const q = await ask('Does my exempt dog need a muzzle in the car?')
    await postForm(host.c, `/staff/chats/live-chat/moderate/${q.id}`, {
      action: 'approve',
      _csrf: host.csrf,
    })
    const { c, csrf } = await signIn(server, 'expert@gmp.test')
    const page = await c.get('/staff/chats/live-chat/answer')
    assert.match(page.body, /Does my exempt dog need a muzzle in the car\?/)
    const res = await postForm(c, `/staff/chats/live-chat/answer/${q.id}`, {
      _csrf: csrf,
      kind: 'answer',
      body: 'Yes, in any public place.',
      action: 'publish',
    })
    assert.equal(res.statusCode, 303)
    const answer = await deps.store.read.answers.findByQuestion(q.id)
    assert.equal(answer?.state, 'published')
    await postForm(c, `/staff/chats/live-chat/answers/${answer?.id}`, {
      _csrf: csrf,
      kind: 'answer',
      body: 'Yes, in any public place, and a car on a road counts.',
    })
    assert.match(
      (await deps.store.read.answers.findById(answer?.id ?? ''))?.body ?? '',
      /car on a road/,
    )
    assert.equal(
      (await c.get('/staff/chats/live-chat/moderate')).statusCode,
      404,
      'experts do not moderate',
    )
  })

  it('plans a chat with times typed in the organisation zone, then schedules it', async () => {
    const { c, csrf } = await signIn(server, 'admin@gmp.test')
    const res = await postForm(c, '/staff/o/gmp/chats/new', {
      _csrf: csrf,
      title: 'Summer safety',
      theme: 'Water safety and barbecues',
      hashtag: '#AskGMPsummer',
      slug: 'summer-safety',
      description: '',
      opensAt: '2027-07-01T09:00',
      startsAt: '2027-07-08T18:00',
      endsAt: '2027-07-08T20:00',
    })
    assert.equal(res.statusCode, 303, res.body)
    const created = await deps.store.read.chats.findBySlug('summer-safety')
    assert.equal(created?.startsAt, '2027-07-08T17:00:00.000Z', 'BST is UTC+1')
    assert.equal(created?.state, 'draft')
    const plan = await c.get('/staff/chats/summer-safety/plan')
    assert.match(plan.body, /Reminder a week before/)
    assert.match(plan.body, /#AskGMPsummer/)
    await postForm(c, '/staff/chats/summer-safety/move', { _csrf: csrf, move: 'schedule' })
    assert.equal((await deps.store.read.chats.findBySlug('summer-safety'))?.state, 'scheduled')
    const bad = await postForm(c, '/staff/o/gmp/chats/new', {
      _csrf: csrf,
      title: 'x',
      slug: 'Bad Slug',
    })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.body, /There is a problem/)
    const tooLong = await postForm(c, '/staff/o/gmp/chats/new', {
      _csrf: csrf,
      title: 'A'.repeat(141),
      slug: 'too-long-title',
      hashtag: '#AskGMP',
      theme: 'Anything',
      opensAt: '2026-12-10T09:00',
      startsAt: '2026-12-12T18:00',
      endsAt: '2026-12-12T20:00',
    })
    assert.equal(tooLong.statusCode, 400, 'the API schema limits titles to 140 characters')
    assert.equal(await deps.store.read.chats.findBySlug('too-long-title'), undefined)
  })

  it('[U2][U6] admins change branding, add approved replies and invite members', async () => {
    const { c, csrf } = await signIn(server, 'admin@gmp.test')
    const saved = await postForm(c, '/staff/o/gmp/settings', {
      _csrf: csrf,
      name: 'Greater Mallow Police',
      timeZone: 'Europe/London',
      brandColour: '#ffd700',
      logoUrl: '',
      emergencyGuidance: 'In an emergency call 999. Otherwise call 101.',
    })
    assert.equal(saved.statusCode, 303)
    assert.match(
      (await c.get('/o/gmp/theme.css')).body,
      /--on-band:#0b0c0c/,
      'dark text on a light brand colour',
    )
    await postForm(c, '/staff/o/gmp/replies', {
      _csrf: csrf,
      title: 'Operational reasons',
      body: 'We cannot say more.',
    })
    const invite = await postForm(c, '/staff/o/gmp/invite', {
      _csrf: csrf,
      email: 'new@gmp.test',
      role: 'expert',
    })
    assert.equal(invite.statusCode, 303)
    const settings = await c.get('/staff/o/gmp/settings')
    assert.match(settings.body, /Operational reasons/)
    assert.match(settings.body, /http:\/\/askhour\.test\/invite\?token=/)
    const expert = await signIn(server, 'expert@gmp.test')
    const refused = await postForm(expert.c, '/staff/o/gmp/settings', {
      _csrf: expert.csrf,
      name: 'Hijacked',
      timeZone: 'UTC',
      brandColour: '#000000',
      emergencyGuidance: 'Nothing to see here.',
    })
    assert.equal(refused.statusCode, 404)
  })

  it('shows the dashboard and presenter views to members', async () => {
    const { c } = await signIn(server, 'expert@gmp.test')
    const dash = await c.get('/staff/chats/live-chat/dashboard')
    assert.match(dash.body, /waiting for moderation/)
    assert.match(dash.body, /left/)
    const present = await c.get('/staff/chats/live-chat/present')
    assert.equal(present.statusCode, 200)
  })

  it('[N10] the dashboard shows each switched-on network and why it is failing', async () => {
    const live = await deps.store.read.chats.findBySlug('live-chat')
    assert.ok(live)
    const at = deps.now().toISOString()
    await deps.store.transaction(async (tx) => {
      await tx.connectors.saveAccount({
        id: 'acc-1',
        orgId: live.orgId,
        network: 'bluesky',
        handle: '@gmp.bsky.social',
        networkUserId: 'did:plc:gmp',
        secret: 'sealed',
        createdAt: at,
        updatedAt: at,
      })
      await tx.connectors.saveSwitch({
        chatId: live.id,
        network: 'bluesky',
        enabled: true,
        answerBack: true,
        redirectReplies: false,
        updatedAt: at,
      })
      await tx.connectors.saveStatus({
        chatId: live.id,
        network: 'bluesky',
        state: 'failing',
        reason: 'The relay refused the connection (HTTP 429).',
        heardAt: at,
        positionAt: at,
        updatedAt: at,
      })
    })
    const { c } = await signIn(server, 'expert@gmp.test')
    const dash = await c.get('/staff/chats/live-chat/dashboard')
    assert.match(
      dash.body,
      /<li data-network="bluesky" data-state="failing"><strong>Bluesky<\/strong> \(@gmp\.bsky\.social\): failing – The relay refused the connection \(HTTP 429\)\.<\/li>/,
    )
    assert.doesNotMatch(dash.body, /data-network="mastodon"/)
  })
})
