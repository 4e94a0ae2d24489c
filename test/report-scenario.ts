import { answerQuestion } from '../src/app/answers.ts'
import { AudienceRecorder } from '../src/app/audience.ts'
import { hostMovesChat } from '../src/app/chats.ts'
import type { Deps } from '../src/app/deps.ts'
import { moderate } from '../src/app/moderation.ts'
import { askQuestion, ingestPost } from '../src/app/questions.ts'
import { thank, upvote } from '../src/app/reactions.ts'
import type { Chat, Question } from '../src/domain/types.ts'
import { chat, member, organisation } from './factories.ts'
import { type Clock, manualClock, testDeps } from './harness.ts'

/** The original words of the scenario's questions, to check they never leak. */
export const TEXTS = {
  q1: 'Does the XL Bully ban apply to cross breeds with no papers?',
  q2: 'Do cross breed dogs without papers fall under the XL Bully ban?',
  q3: 'How do I apply for an exemption certificate for my dog? #askGMP',
  q4: 'Where can I get my dog neutered cheaply before the deadline? Call me on 07700 900123',
  q5: 'Is there any leeway on neutering for dogs with heart conditions? #askGMP',
  q6: 'Buy cheap followers now at www.spam-followers.example cheap cheap',
  q7: 'A dog is attacking someone outside my house right now, help',
  q8: 'Thank you so much for running this chat, really helpful',
  q9: 'What happens if my dog is found without a muzzle in public?',
  q10: 'Will the police seize my dog if I miss the exemption deadline? #askGMP',
}

export const PRIVATE_PHONE = '07700 900123'
export const QUOTING_REASON = 'Off topic: will the police seize my dog if I miss'

const at = (clock: Clock, hhmm: string) => clock.set(`2026-12-01T${hhmm}:00.000Z`)

/**
 * A chat with known events, driven through the real use cases on a manual clock. The figures it
 * must give are worked out by hand in report.test.ts (docs/report.md has the definitions).
 */
export async function reportScenario(given?: { deps: Deps; clock: Clock }) {
  const clock = given?.clock ?? manualClock('2026-12-01T12:00:00.000Z')
  const deps = given?.deps ?? (await testDeps(clock))
  at(clock, '12:00')
  const { org, admin } = await organisation(deps, 'gmp')
  const xena = await member(deps, org.id, 'expert', 'xena@gmp.test', 'Xena Expert')
  const yuri = await member(deps, org.id, 'expert', 'yuri@gmp.test', 'Yuri Expert')
  // scheduled: opens 2026-11-30T12:00, starts 13:00, ends 15:00
  let c: Chat = await chat(deps, admin, 'gmp', 'scheduled', 'dogs-chat')
  const q: Record<string, Question> = {}
  const web = async (id: keyof typeof TEXTS, visitor: string, hhmm: string) => {
    at(clock, hhmm)
    q[id] = (await askQuestion(deps, c, { text: TEXTS[id] }, { visitorKey: visitor })).question
  }
  const post = async (
    id: keyof typeof TEXTS,
    source: 'bluesky' | 'mastodon' | 'x',
    handle: string,
    hhmm: string,
  ) => {
    at(clock, hhmm)
    const made = await ingestPost(
      deps,
      c,
      {
        source,
        externalId: `${source}-${id}`,
        externalUrl: null,
        authorHandle: handle,
        text: TEXTS[id],
      },
      `connector:${source}`,
    )
    if (made) q[id] = made
  }
  const id = (k: string) => (q[k] as Question).id

  await web('q1', 'visitor-a', '12:10')
  await web('q2', 'visitor-b', '12:20')
  await post('q3', 'bluesky', 'dogowner.test', '12:30')
  at(clock, '13:00')
  c = await hostMovesChat(deps, admin, c.slug, 'live')
  await web('q4', 'visitor-a', '13:02')
  await post('q5', 'mastodon', '@vet@mstdn.test', '13:03')
  await web('q6', 'visitor-c', '13:04')
  await web('q7', 'visitor-d', '13:06')
  await web('q8', 'visitor-e', '13:07')
  await web('q9', 'visitor-f', '13:08')
  await post('q10', 'x', 'Someone', '13:09')

  at(clock, '13:10')
  for (const k of ['q1', 'q3', 'q4', 'q5', 'q8', 'q10'])
    await moderate(deps, admin, c.slug, id(k), { type: 'approve' })
  at(clock, '13:11')
  await moderate(deps, admin, c.slug, id('q2'), { type: 'merge', into: id('q1') })
  await moderate(deps, admin, c.slug, id('q6'), { type: 'reject', reason: 'Spam' })
  await moderate(deps, admin, c.slug, id('q7'), { type: 'redirect' })
  await moderate(deps, admin, c.slug, id('q10'), { type: 'reject', reason: QUOTING_REASON })

  at(clock, '13:12')
  await upvote(deps, id('q1'), 'voter-1')
  await upvote(deps, id('q1'), 'voter-2')
  await upvote(deps, id('q3'), 'voter-1')

  const answer = async (
    k: string,
    by: typeof xena,
    kind: 'answer' | 'operational',
    hhmm: string,
  ) => {
    at(clock, hhmm)
    return answerQuestion(deps, by, c.slug, id(k), {
      kind,
      body: `Answer to ${k}: see gmp.police.uk`,
      publish: true,
    })
  }
  const a1 = await answer('q1', xena, 'answer', '13:15')
  const a3 = await answer('q3', yuri, 'operational', '13:20')
  const a4 = await answer('q4', xena, 'answer', '13:32')
  at(clock, '13:40')
  await answerQuestion(deps, yuri, c.slug, id('q5'), {
    kind: 'answer',
    body: 'Draft only',
    publish: false,
  })

  at(clock, '13:45')
  await thank(deps, a1.id, 'voter-1')
  await thank(deps, a1.id, 'voter-2')
  await thank(deps, a3.id, 'voter-3')

  // Two processes watching; the busiest minute is 13:05 with 14 + 5 viewers.
  const p1 = new AudienceRecorder(deps)
  const p2 = new AudienceRecorder(deps)
  at(clock, '13:05')
  p1.sample(new Map([[c.id, 10]]))
  p2.sample(new Map([[c.id, 5]]))
  clock.set('2026-12-01T13:05:30.000Z')
  p1.sample(new Map([[c.id, 14]]))
  p1.viewed({ chatId: c.id, page: 'live', itemId: c.id, visitorKey: 'k1' })
  p1.viewed({ chatId: c.id, page: 'live', itemId: c.id, visitorKey: 'k1' })
  p2.viewed({ chatId: c.id, page: 'live', itemId: c.id, visitorKey: 'k2' })
  at(clock, '13:20')
  p1.sample(new Map([[c.id, 12]]))
  for (let i = 0; i < 3; i++)
    p1.viewed({ chatId: c.id, page: 'answer', itemId: a1.id, visitorKey: 'k1' })
  p2.viewed({ chatId: c.id, page: 'answer', itemId: a1.id, visitorKey: 'k2' })
  await p1.flush()
  await p2.flush()

  at(clock, '15:00')
  c = await hostMovesChat(deps, admin, c.slug, 'closed')
  return { deps, clock, org, admin, xena, yuri, chat: c, q, answers: { a1, a3, a4 } }
}
