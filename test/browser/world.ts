import { answerQuestion } from '../../src/app/answers.ts'
import { createChat, hostMovesChat, setExperts } from '../../src/app/chats.ts'
import type { Deps } from '../../src/app/deps.ts'
import { moderate } from '../../src/app/moderation.ts'
import { updateOrganisation } from '../../src/app/organisations.ts'
import { askQuestion } from '../../src/app/questions.ts'
import { saveReply } from '../../src/app/replies.ts'
import type { Actor } from '../../src/domain/permissions.ts'
import type { Server } from '../../src/http/server.ts'
import { member, organisation } from '../factories.ts'
import { type Clock, manualClock, testDeps, testServer } from '../harness.ts'

const HOUR = 3_600_000

/** A listening server with an organisation whose chats are upcoming, live and closed. */
export interface World {
  deps: Deps
  server: Server
  clock: Clock
  base: string
  admin: Actor
  host: Actor
  expert: Actor
  chats: { upcoming: string; live: string; closed: string; draft: string }
  answerId: string
  close(): Promise<void>
}

async function plan(
  deps: Deps,
  host: Actor,
  slug: string,
  at: { opens: number; starts: number; ends: number },
  extra: { title: string; theme: string; hashtag: string },
) {
  const now = deps.now().getTime()
  return createChat(deps, host, 'gmp', {
    slug,
    ...extra,
    description:
      'Our dog legislation officers answer your questions live.\n\nAsk ahead of time or during the chat.',
    opensAt: new Date(now + at.opens * HOUR).toISOString(),
    startsAt: new Date(now + at.starts * HOUR).toISOString(),
    endsAt: new Date(now + at.ends * HOUR).toISOString(),
  })
}

let visitorN = 0
export async function ask(deps: Deps, slug: string, text: string) {
  const chat = await deps.store.read.chats.findBySlug(slug)
  if (!chat) throw new Error(slug)
  visitorN++
  return (await askQuestion(deps, chat, { text }, { visitorKey: `visitor-${visitorN}` })).question
}

export async function buildWorld(opts: { clock?: Clock } = {}): Promise<World> {
  const clock = opts.clock ?? manualClock(new Date().toISOString())
  const deps = await testDeps(clock)
  const server = await testServer(deps)
  await server.app.listen({ host: '127.0.0.1', port: 0 })
  const addr = server.app.server.address()
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
  deps.publicUrl = base
  const { org, admin } = await organisation(deps, 'gmp')
  await updateOrganisation(deps, admin, 'gmp', {
    name: 'Greater Mallow Police',
    brandColour: '#12355b',
  })
  const host = await member(deps, org.id, 'host', 'host@gmp.test', 'Dana Host')
  const expert = await member(deps, org.id, 'expert', 'expert@gmp.test', 'PC Sam Patel')
  await saveReply(deps, admin, 'gmp', null, {
    title: 'Operational reasons',
    body: 'We can’t go into detail for operational reasons, but we can tell you that officers are aware and are looking into it.',
  })
  await saveReply(deps, admin, 'gmp', null, {
    title: 'Report it on 101',
    body: 'Please report this to us on 101 or online so an officer can look into it properly.',
  })

  const dogs = {
    title: 'Ask the dangerous dogs team',
    theme: 'XL Bully exemptions, muzzles and reporting a dangerous dog',
    hashtag: '#AskGMPdogs',
  }
  await plan(deps, host, 'dogs-upcoming', { opens: -1, starts: 50, ends: 52 }, dogs)
  await setExperts(deps, admin, 'dogs-upcoming', [expert.userId])
  await hostMovesChat(deps, host, 'dogs-upcoming', 'scheduled')

  await plan(
    deps,
    host,
    'burglary-live',
    { opens: -2, starts: -0.5, ends: 1.5 },
    {
      title: 'Keeping your home safe',
      theme: 'Burglary prevention, locks, lighting and what to do after a break-in',
      hashtag: '#AskGMPhome',
    },
  )
  await setExperts(deps, admin, 'burglary-live', [expert.userId])
  await hostMovesChat(deps, host, 'burglary-live', 'scheduled')
  await hostMovesChat(deps, host, 'burglary-live', 'live')

  await plan(
    deps,
    host,
    'roads-closed',
    { opens: -4, starts: -3, ends: -1 },
    {
      title: 'Road safety over winter',
      theme: 'Speeding, drink driving and safe driving in bad weather',
      hashtag: '#AskGMProads',
    },
  )
  await setExperts(deps, admin, 'roads-closed', [expert.userId])
  await hostMovesChat(deps, host, 'roads-closed', 'scheduled')
  await hostMovesChat(deps, host, 'roads-closed', 'live')

  await plan(
    deps,
    host,
    'secret-draft',
    { opens: 1, starts: 2, ends: 3 },
    { ...dogs, title: 'Draft chat' },
  )

  // The live chat: two answered, one approved, a few pending.
  let answerId = ''
  const liveQs = [
    'What is the best type of lock for a back door?',
    'Are video doorbells worth it, and can you use the footage?',
    'Should I leave a light on when I go away for the weekend?',
  ]
  for (const [i, text] of liveQs.entries()) {
    const q = await ask(deps, 'burglary-live', text)
    await moderate(deps, host, 'burglary-live', q.id, { type: 'approve' })
    if (i < 2) {
      const a = await answerQuestion(deps, expert, 'burglary-live', q.id, {
        kind: 'answer',
        body:
          i === 0
            ? 'Look for a lock that meets British Standard BS3621, with a kitemark.\n\nA multi-point lock is better still on uPVC doors.'
            : 'Yes, they put off many burglars. Footage can help an investigation: keep it, and tell the officer you have it.',
        publish: true,
      })
      answerId = a.id
    }
  }
  await ask(
    deps,
    'burglary-live',
    'My neighbour John Smith at 12 Acacia Avenue keeps leaving his gate open, can you talk to him? 07700 900123',
  )
  await ask(deps, 'burglary-live', 'Someone is trying to break into my house right now, help!')
  await ask(deps, 'burglary-live', 'What lock should I get for my back door?')

  // The closed chat: a transcript.
  const closedQs = [
    [
      'Is it illegal to drive with snow on the roof?',
      'There is no specific law, but you could be fined for driving in a dangerous condition if snow falls and blocks your view or hits other drivers. Clear it off before you set off.',
    ],
    [
      'How long after drinking should I wait before driving?',
      'There is no safe rule of thumb: it depends on you and what you drank. The only safe choice is none at all if you are driving, including the morning after.',
    ],
    [
      'Do speed cameras still work in the fog?',
      'Yes. Cameras work in most weather, and so do our officers.',
    ],
  ] as const
  for (const [text, body] of closedQs) {
    const q = await ask(deps, 'roads-closed', text)
    await moderate(deps, host, 'roads-closed', q.id, { type: 'approve' })
    await answerQuestion(deps, expert, 'roads-closed', q.id, {
      kind: 'answer',
      body,
      publish: true,
    })
  }
  const unanswered = await ask(
    deps,
    'roads-closed',
    'Will there be more gritting on side roads this year?',
  )
  await moderate(deps, host, 'roads-closed', unanswered.id, { type: 'approve' })
  await ask(deps, 'roads-closed', 'buy cheap followers now www.spam.example')
  await hostMovesChat(deps, host, 'roads-closed', 'closed')

  // One question already approved on the upcoming chat.
  const early = await ask(
    deps,
    'dogs-upcoming',
    'Does my exempt XL Bully need a muzzle in the car?',
  )
  await moderate(deps, host, 'dogs-upcoming', early.id, { type: 'approve' })

  return {
    deps,
    server,
    clock,
    base,
    admin,
    host,
    expert,
    chats: {
      upcoming: 'dogs-upcoming',
      live: 'burglary-live',
      closed: 'roads-closed',
      draft: 'secret-draft',
    },
    answerId,
    close: () => server.shutdown(),
  }
}

/** A fresh live chat with no questions yet. */
export async function newLiveChat(w: World, slug: string, hashtag = '#AskGMPlive') {
  await plan(
    w.deps,
    w.host,
    slug,
    { opens: -1, starts: -0.5, ends: 2 },
    {
      title: `Live chat ${slug}`,
      theme: 'Anything about keeping safe',
      hashtag,
    },
  )
  await setExperts(w.deps, w.admin, slug, [w.expert.userId])
  await hostMovesChat(w.deps, w.host, slug, 'scheduled')
  await hostMovesChat(w.deps, w.host, slug, 'live')
}

/** The session cookie of a staff member signed in through the JSON API. */
export async function sessionCookie(w: World, email: string) {
  const res = await fetch(`${w.base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery staple' }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed for ${email}`)
  const [name, value] = (res.headers.get('set-cookie') ?? '').split(';')[0]?.split('=') ?? []
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { name: name as string, value: value as string, url: w.base, csrf: csrfToken }
}
