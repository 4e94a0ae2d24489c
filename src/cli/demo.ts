import { readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { defaultOrganisation } from '../app/accounts.ts'
import { answerQuestion } from '../app/answers.ts'
import { createChat, hostMovesChat, setExperts } from '../app/chats.ts'
import type { Deps } from '../app/deps.ts'
import { publicFeed } from '../app/feed.ts'
import { type ModerationAction, moderate } from '../app/moderation.ts'
import { askQuestion, ingestPost } from '../app/questions.ts'
import { thank, upvote } from '../app/reactions.ts'
import { hashPassword, newToken } from '../app/secrets.ts'
import type { Config } from '../config.ts'
import type { Actor } from '../domain/permissions.ts'
import type { Chat, Role } from '../domain/types.ts'
import { start } from '../main.ts'

interface Message {
  id: string
  source: 'web' | 'bluesky' | 'mastodon' | 'x'
  author: string
  minute: number
  text: string
  kind: string
  dup_group: string | null
}

const ORG = 'demo-police'
const MINUTE = 60_000

/** The hashtag the recorded audience wrote to; each message is replayed with the demo chat's own. */
const RECORDED_HASHTAG = /#askGMP\b/gi

const audience = (hashtag: string): Message[] =>
  readFileSync(new URL('./demo/audience.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Message)
    .map((m) => ({ ...m, text: m.text.replace(RECORDED_HASHTAG, hashtag) }))

const DEMO_ANSWER =
  'Thank you for asking. (This is a demo answer.) In a real chat an officer who knows the new law answers here, and the answer gets a permanent page that can be shared.'

/** A member with a fresh random password, printed once: the demo ships no default credentials. */
async function member(deps: Deps, orgId: string, email: string, name: string, role: Role) {
  const existing = await deps.store.read.users.findByEmail(email)
  const password = existing ? null : newToken().slice(0, 20)
  const id = existing?.id ?? deps.newId()
  const passwordHash = password ? await hashPassword(password) : null
  await deps.store.transaction(async (tx) => {
    const now = deps.now().toISOString()
    if (passwordHash) await tx.users.insert({ id, email, name, passwordHash, createdAt: now })
    await tx.users.setMembership(orgId, id, role, now)
  })
  const actor: Actor = { userId: id, name, roles: await deps.store.read.users.roles(id) }
  return { actor, email, password }
}

async function demoOrganisation(deps: Deps) {
  const found = await deps.store.read.organisations.findBySlug(ORG)
  if (found) return found
  const org = {
    ...defaultOrganisation(deps, {
      name: 'Demo Constabulary',
      slug: ORG,
      timeZone: 'Europe/London',
    }),
    brandColour: '#12355b',
  }
  await deps.store.transaction((tx) => tx.organisations.insert(org))
  return org
}

async function demoChat(deps: Deps, host: Actor, expertId: string): Promise<Chat> {
  const now = deps.now().getTime()
  const slug = `askdemo-dogs-${new Date(now).toISOString().slice(0, 16).replace(/[-:T]/g, '')}`
  const chat = await createChat(deps, host, ORG, {
    slug,
    title: 'Ask the dangerous dogs team',
    theme:
      'The new dangerous dogs law: XL Bully exemptions, muzzles, what to do if attacked, reporting a dangerous dog',
    hashtag: '#AskDemoPolice',
    description:
      'Our dog legislation officers answer your questions live for two hours. Ask ahead of time or during the chat.',
    opensAt: new Date(now - 2 * 24 * 60 * MINUTE).toISOString(),
    startsAt: new Date(now + MINUTE).toISOString(),
    endsAt: new Date(now + 120 * MINUTE).toISOString(),
  })
  await setExperts(deps, host, slug, [expertId])
  await hostMovesChat(deps, host, slug, 'scheduled')
  return chat
}

/** What the simulated moderator does with each kind of message. */
function decide(m: Message, firstOfGroup: Map<string, string>): ModerationAction | null {
  if (m.kind === 'emergency' || m.kind === 'crime_report') return { type: 'redirect' }
  if (m.kind === 'abuse') return { type: 'reject', reason: 'Abusive language' }
  if (m.kind === 'spam') return { type: 'reject', reason: 'Spam' }
  if (m.kind === 'off_topic') return { type: 'reject', reason: 'Not about this chat' }
  const first = m.dup_group ? firstOfGroup.get(m.dup_group) : undefined
  if (first) return { type: 'merge', into: first }
  return m.kind === 'comment' ? null : { type: 'approve' }
}

/** Serves a demo organisation with a live chat fed by a simulated audience, host and expert. */
export async function runDemo(config: Config, speed: number): Promise<void> {
  const running = await start(
    {
      ...config,
      DATABASE_URL: config.DATABASE_URL.endsWith('askhour.db')
        ? './data/demo.db'
        : config.DATABASE_URL,
    },
    { announceSetup: false },
  )
  const { deps } = running
  const org = await demoOrganisation(deps)
  const host = await member(
    deps,
    org.id,
    'host@demo.askhour.invalid',
    'Dana Ellis (comms lead)',
    'admin',
  )
  const expert = await member(deps, org.id, 'expert@demo.askhour.invalid', 'PC Sam Patel', 'expert')
  const planned = await demoChat(deps, host.actor, expert.actor.userId)
  const chat = await hostMovesChat(deps, host.actor, planned.slug, 'live')

  const url = config.publicUrl
  process.stdout.write(
    [
      '',
      `Demo chat is live: ${url}/chats/${chat.slug}`,
      `Live feed (SSE):   ${url}/api/v1/chats/${chat.slug}/events`,
      `API docs:          ${url}/api/docs`,
      ...[host, expert]
        .filter((m) => m.password)
        .map((m) => `Staff sign-in:     ${m.email} / ${m.password}`),
      `Replaying 150 messages at ${speed}× speed. Ctrl+C to stop.`,
      '',
    ].join('\n'),
  )

  const firstOfGroup = new Map<string, string>()
  const messages = audience(chat.hashtag).sort((a, b) => a.minute - b.minute)
  const startedAt = Date.now()
  for (const m of messages) {
    const due = Math.max(0, m.minute) * (MINUTE / speed)
    const wait = due - (Date.now() - startedAt)
    if (wait > 0) await sleep(wait)
    await playOne(deps, chat, host.actor, expert.actor, m, firstOfGroup).catch((err: unknown) =>
      deps.log.warn({ err, id: m.id }, 'demo message skipped'),
    )
    await react(deps, chat)
  }
  process.stdout.write('Demo audience finished; the chat stays open until you stop the server.\n')
}

/** A few viewers upvote questions and thank answers, as a real audience does. */
async function react(deps: Deps, chat: Chat) {
  const { items } = await publicFeed(deps, chat)
  if (items.length === 0) return
  for (let i = 0; i < 3; i++) {
    const item = items[Math.floor(Math.random() * items.length)]
    const viewer = `demo-viewer-${Math.floor(Math.random() * 400)}`
    if (!item) continue
    await upvote(deps, item.question.id, viewer).catch(() => undefined)
    if (item.answer && Math.random() < 0.3)
      await thank(deps, item.answer.id, viewer).catch(() => undefined)
  }
}

async function playOne(
  deps: Deps,
  chat: Chat,
  host: Actor,
  expert: Actor,
  m: Message,
  firstOfGroup: Map<string, string>,
) {
  const question =
    m.source === 'web'
      ? (
          await askQuestion(
            deps,
            chat,
            { text: m.text, authorName: m.author },
            { visitorKey: `demo-${m.author}`, idempotencyKey: `demo-${m.id}` },
          )
        ).question
      : await ingestPost(
          deps,
          chat,
          {
            source: m.source,
            externalId: `demo-${chat.slug}-${m.id}`,
            externalUrl: null,
            authorHandle: m.author,
            text: m.text,
          },
          `connector:${m.source}`,
        )
  if (!question) return
  const action = decide(m, firstOfGroup)
  if (!action) return
  await moderate(deps, host, chat.slug, question.id, action)
  if (action.type !== 'approve') return
  if (m.dup_group) firstOfGroup.set(m.dup_group, question.id)
  if (m.kind === 'question' && Number(m.id.slice(-1)) % 3 !== 0) {
    await answerQuestion(deps, expert, chat.slug, question.id, {
      kind: 'answer',
      body: DEMO_ANSWER,
      publish: true,
    })
  }
}
