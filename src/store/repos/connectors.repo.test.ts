import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chat, organisation } from '../../../test/factories.ts'
import { testDeps } from '../../../test/harness.ts'
import { freshSchema, needs, PG_ADMIN_URL } from '../../../test/services.ts'
import { ingestPost } from '../../app/questions.ts'
import { deleteAtSource } from '../../domain/question.ts'
import { openPostgresStore } from '../postgres.ts'
import { openSqliteStore } from '../sqlite.ts'
import type { Store } from '../store.ts'

/** The connectors repository on every database: the same queries must work on each. */
function connectorsRepoSuite(
  name: string,
  open: () => Promise<Store & { drop?: () => Promise<void> }>,
) {
  describe(`connectors repository: ${name}`, () => {
    let store: Store & { drop?: () => Promise<void> }
    before(async () => {
      store = await open()
    })
    after(async () => {
      await store.close()
      await store.drop?.()
    })

    it('[N2][N3][N5][N9][N11] stores accounts, switches, cursors, posts and reach', async () => {
      const deps = await testDeps(undefined, store)
      const { org, admin } = await organisation(deps, 'gmp')
      const c = await chat(deps, admin, 'gmp', 'live')
      const at = deps.now().toISOString()
      const repo = store.read.connectors
      await store.transaction(async (tx) => {
        const account = {
          id: 'a1',
          orgId: org.id,
          network: 'bluesky',
          handle: '@gmp.test',
          networkUserId: 'did:plc:gmp',
          secret: 'v1.sealed',
          createdAt: at,
          updatedAt: at,
        }
        await tx.connectors.saveAccount(account)
        await tx.connectors.saveAccount({ ...account, id: 'a2', handle: '@gmp2.test' })
        await tx.connectors.saveSwitch({
          chatId: c.id,
          network: 'bluesky',
          enabled: true,
          answerBack: true,
          redirectReplies: false,
          updatedAt: at,
        })
        await tx.connectors.saveCursor(c.id, 'bluesky', '41', at)
        await tx.connectors.saveCursor(c.id, 'bluesky', '42', at)
      })
      assert.equal((await repo.findAccount(org.id, 'bluesky'))?.handle, '@gmp2.test')
      assert.deepEqual(
        (await repo.listAccounts(org.id)).map((a) => a.handle),
        ['@gmp2.test'],
      )
      assert.deepEqual(await repo.chatsWithNetworks(at), [c.id])
      assert.equal(await repo.cursor(c.id, 'bluesky'), '42')
      assert.equal((await repo.switches(c.id))[0]?.answerBack, true)

      await store.transaction(async (tx) => {
        await tx.connectors.saveInbound({
          source: 'bluesky',
          externalId: 'at://x/post/1',
          chatId: c.id,
          ref: { uri: 'at://x/post/1', cid: 'c' },
          postedAt: at,
        })
        await tx.connectors.recordDeletion('bluesky', 'at://x/post/2', at)
        await tx.connectors.recordDeletion('bluesky', 'at://x/post/2', at)
      })
      assert.deepEqual(await repo.inboundRef('bluesky', 'at://x/post/1'), {
        uri: 'at://x/post/1',
        cid: 'c',
      })
      assert.equal(await repo.isDeleted('bluesky', 'at://x/post/2'), true)
      assert.equal(await repo.isDeleted('bluesky', 'at://x/post/1'), false)

      const q = await ingestPost(
        deps,
        c,
        {
          source: 'bluesky',
          externalId: 'at://x/post/1',
          externalUrl: null,
          authorHandle: '@a',
          text: 'Is this allowed? #askGMP',
        },
        'test',
      )
      assert.ok(q)
      assert.deepEqual(await repo.liveInbound(c.id, 'bluesky'), [
        { externalId: 'at://x/post/1', ref: { uri: 'at://x/post/1', cid: 'c' } },
      ])
      const post = {
        id: 'p1',
        chatId: c.id,
        questionId: q.id,
        answerId: null,
        network: 'bluesky',
        kind: 'answer' as const,
        part: 1,
        externalId: 'at://gmp/post/9',
        url: 'https://bsky.app/profile/gmp/post/9',
        ref: { uri: 'at://gmp/post/9', cid: 'd' },
        postedAt: at,
        reachUntil: '2999-01-01T00:00:00.000Z',
      }
      await store.transaction((tx) => tx.connectors.recordPost(post))
      await assert.rejects(
        store.transaction((tx) => tx.connectors.recordPost({ ...post, id: 'p2' })),
      )
      assert.deepEqual(
        (await repo.posts(q.id, 'bluesky', 'answer')).map((p) => p.ref),
        [post.ref],
      )
      assert.equal((await repo.postsForReach(c.id, 'bluesky', at)).length, 1)
      const reach = {
        network: 'bluesky',
        postId: post.externalId,
        chatId: c.id,
        answerId: null,
        postUrl: post.url,
        at,
      }
      await store.transaction((tx) =>
        tx.connectors.saveReach({ ...reach, reposts: 1, likes: 2, replies: 3 }),
      )
      await store.transaction((tx) =>
        tx.connectors.saveReach({ ...reach, reposts: 4, likes: 5, replies: 6 }),
      )
      assert.deepEqual(
        (await store.read.reports.reach(c.id)).map((r) => [r.reposts, r.likes, r.replies]),
        [[4, 5, 6]],
      )
      const deleted = deleteAtSource(q, at)
      assert.equal(deleted?.question.state, 'rejected')
      assert.equal(deleted?.events[0]?.visibility, 'staff')
      assert.equal(deleteAtSource(deleted?.question ?? q, at), null)
    })
  })
}

connectorsRepoSuite('sqlite', () => openSqliteStore(':memory:'))

const pg = await needs([{ name: 'PostgreSQL', url: PG_ADMIN_URL }])
describe('on PostgreSQL', pg, () => {
  connectorsRepoSuite('postgres', async () => {
    const schema = await freshSchema()
    const store = await openPostgresStore(schema.url, { poolSize: 4 })
    return { ...store, drop: schema.drop }
  })
})
