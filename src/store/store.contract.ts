import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { event } from '../domain/events.ts'
import type { Chat, Question } from '../domain/types.ts'
import type { Store } from './store.ts'

const T = '2026-12-01T12:00:00.000Z'

const chat = (id: string): Chat => ({
  id,
  orgId: 'org-1',
  slug: `chat-${id}`,
  title: 'Dogs',
  theme: 'XL',
  hashtag: '#askGMP',
  description: '',
  opensAt: T,
  startsAt: '2026-12-02T12:00:00.000Z',
  endsAt: '2026-12-02T14:00:00.000Z',
  state: 'draft',
  experts: [],
  lastSeq: 0,
  createdAt: T,
  updatedAt: T,
})

const question = (id: string, chatId: string, over: Partial<Question> = {}): Question => ({
  id,
  chatId,
  source: 'web',
  externalId: null,
  externalUrl: null,
  authorName: null,
  text: 'How do I apply for an exemption?',
  publicText: 'How do I apply for an exemption?',
  masks: [],
  flags: [],
  kind: 'question',
  thanks: false,
  state: 'approved',
  rejectReason: null,
  mergedInto: null,
  assignedTo: null,
  votes: 0,
  version: 1,
  receivedAt: T,
  updatedAt: T,
  ...over,
})

/** The rules every Store implementation must keep (docs/spec.md, S1–S6). */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store
    let n = 0
    const fresh = async () => {
      const id = `c${++n}-${Date.now()}`
      await store.transaction(async (tx) => tx.chats.insert(chat(id)))
      return id
    }

    before(async () => {
      store = await open()
      await store.transaction(async (tx) => {
        if (await tx.organisations.findById('org-1')) return
        await tx.organisations.insert({
          id: 'org-1',
          slug: `org-${Date.now()}`,
          name: 'Org',
          timeZone: 'Europe/London',
          logoUrl: null,
          brandColour: '#000000',
          emergencyGuidance: 'Call 999.',
          createdAt: T,
        })
      })
    })
    after(() => store.close())

    it('[S1] events get contiguous seqs from 1 per chat, even when appended concurrently', async () => {
      const a = await fresh()
      const b = await fresh()
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.transaction((tx) =>
            tx.events.append(
              i % 2 ? a : b,
              [event('chat.started', { state: 'live', opensAt: T, startsAt: T, endsAt: T })],
              'test',
              T,
            ),
          ),
        ),
      )
      const seqs = (await store.read.events.after(a, 0, 'all')).map((e) => e.seq)
      assert.deepEqual(
        seqs,
        Array.from({ length: 10 }, (_, i) => i + 1),
      )
      assert.equal(await store.read.events.lastSeq(b), 10)
    })

    it('[S2] a transaction that fails leaves neither its rows nor its events behind', async () => {
      const c = await fresh()
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.questions.insert(question('q-rollback', c), null)
          await tx.events.append(
            c,
            [event('question.voted', { questionId: 'q-rollback', votes: 1 })],
            'test',
            T,
          )
          throw new Error('boom')
        }),
        /boom/,
      )
      assert.equal(await store.read.questions.findById('q-rollback'), undefined)
      assert.equal(await store.read.events.lastSeq(c), 0)
      assert.deepEqual(await store.read.events.after(c, 0, 'all'), [])
    })

    it('[S3] one vote per visitor per question and one thanks per visitor per answer, by constraint', async () => {
      const c = await fresh()
      await store.transaction((tx) => tx.questions.insert(question(`qv-${c}`, c), null))
      assert.equal(await store.transaction((tx) => tx.reactions.vote(`qv-${c}`, 'visitor-1', T)), 1)
      assert.equal(
        await store.transaction((tx) => tx.reactions.vote(`qv-${c}`, 'visitor-1', T)),
        null,
      )
      assert.equal(await store.transaction((tx) => tx.reactions.vote(`qv-${c}`, 'visitor-2', T)), 2)
      assert.equal((await store.read.questions.findById(`qv-${c}`))?.votes, 2)
    })

    it('[S4] a network post is stored once: (source, external id) is unique', async () => {
      const c = await fresh()
      const post = { source: 'bluesky' as const, externalId: `at://did:plc:x/post/${c}` }
      await store.transaction((tx) => tx.questions.insert(question(`qa-${c}`, c, post), null))
      await assert.rejects(
        store.transaction((tx) => tx.questions.insert(question(`qb-${c}`, c, post), null)),
      )
      assert.equal(
        (await store.read.questions.findByExternal('bluesky', post.externalId))?.id,
        `qa-${c}`,
      )
    })

    it('[S5] the public tail holds only public events, in log order', async () => {
      const c = await fresh()
      await store.transaction((tx) =>
        tx.events.append(
          c,
          [
            event('question.rejected', { questionId: 'x', reason: 'spam' }),
            event('question.voted', { questionId: 'y', votes: 1 }),
            event('question.assigned', { questionId: 'y', expertId: null }),
            event('question.voted', { questionId: 'y', votes: 2 }),
          ],
          'test',
          T,
        ),
      )
      const pub = await store.read.events.after(c, 0, 'public')
      assert.deepEqual(
        pub.map((e) => e.seq),
        [2, 4],
      )
      assert.deepEqual(
        (await store.read.events.after(c, 2, 'all')).map((e) => e.type),
        ['question.assigned', 'question.voted'],
      )
    })

    it('[S6] a one-time token can be redeemed once', async () => {
      const hash = `h-${Date.now()}`
      await store.transaction((tx) =>
        tx.tokens.insert(
          hash,
          {
            kind: 'setup',
            orgId: null,
            email: null,
            role: null,
            expiresAt: '2999-01-01T00:00:00.000Z',
          },
          T,
        ),
      )
      const [first, second] = await Promise.all([
        store.transaction((tx) => tx.tokens.consume(hash, T)),
        store.transaction((tx) => tx.tokens.consume(hash, T)),
      ])
      assert.equal([first, second].filter(Boolean).length, 1)
    })
  })
}
