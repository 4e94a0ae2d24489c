import assert from 'node:assert/strict'
import fs, { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import SQLite from 'better-sqlite3'
import { openSqliteStore } from './sqlite.ts'
import { storeContract } from './store.contract.ts'

storeContract('sqlite', () => openSqliteStore(':memory:'))

const org = (id: string) => ({
  id,
  slug: id,
  name: id,
  timeZone: 'UTC',
  logoUrl: null,
  brandColour: '#000000',
  emergencyGuidance: 'Call 999.',
  createdAt: '2026-12-01T00:00:00.000Z',
})

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r))
}

/** Turns of the event loop until `done`, failing after a generous bound instead of hanging. */
const until = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 1000 && !done(); i++) await turns(1)
  assert.ok(done(), what)
}

describe('SQLite file store', () => {
  it('[S7] creates the file, migrates it, and runs in WAL mode', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'askhour-')), 'nested', 'askhour.db')
    const store = await openSqliteStore(file)
    await store.close()
    const db = new SQLite(file)
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal')
    const tables = db
      .prepare("select name from sqlite_master where type = 'table'")
      .all() as Array<{ name: string }>
    assert.ok(tables.some((t) => t.name === 'chat_events'))
    db.close()
    const again = await openSqliteStore(file)
    assert.equal(await again.ping(), true)
    await again.close()
  })

  it('[S8] transactions that commit together stay independent: one failing loses only its own writes', async () => {
    const store = await openSqliteStore(':memory:')
    const results = await Promise.allSettled([
      store.transaction((tx) => tx.organisations.insert(org('org-a'))),
      store.transaction(async (tx) => {
        await tx.organisations.insert(org('org-b'))
        throw new Error('this request fails after writing')
      }),
      store.transaction((tx) => tx.organisations.insert(org('org-a'))),
      store.transaction((tx) => tx.organisations.insert(org('org-c'))),
    ])
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'rejected', 'fulfilled'],
    )
    assert.ok(await store.read.organisations.findBySlug('org-a'))
    assert.equal(await store.read.organisations.findBySlug('org-b'), undefined)
    assert.ok(await store.read.organisations.findBySlug('org-c'))
    await store.close()
  })

  it('[S10] a request holds the write lock from its first read: another writer on the file waits until it commits', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'askhour-')), 'askhour.db')
    const store = await openSqliteStore(file)
    // Another process on the same file (an admin command, say), refusing to wait for the lock.
    const other = new SQLite(file, { timeout: 0 })
    const otherWrites = () =>
      other.prepare("update organisations set name = 'changed elsewhere' where id = 'org-1'").run()
    await store.transaction((tx) => tx.organisations.insert(org('org-1')))
    const seen = await store.transaction(async (tx) => {
      const read = await tx.organisations.findBySlug('org-1')
      assert.throws(otherWrites, { code: 'SQLITE_BUSY' })
      return read?.name
    })
    assert.equal(seen, 'org-1')
    assert.equal(otherWrites().changes, 1, 'the lock is released at the commit')
    other.close()
    await store.close()
  })

  it('[S11] a commit is acknowledged, and read, only once the WAL file is synced', async (t) => {
    const file = join(mkdtempSync(join(tmpdir(), 'askhour-')), 'askhour.db')
    const store = await openSqliteStore(file)
    const synced: number[] = []
    const finish: Array<() => void> = []
    t.mock.method(fs, 'fdatasync', (fd: number, done: (err: Error | null) => void) => {
      synced.push(fd)
      finish.push(() => done(null))
    })
    let acknowledged = false
    const write = store
      .transaction((tx) => tx.organisations.insert(org('org-s')))
      .then(() => {
        acknowledged = true
      })
    await until(() => synced.length > 0 || acknowledged, 'the commit is synced')
    assert.equal(acknowledged, false, 'not acknowledged before the sync')
    assert.equal(
      fs.fstatSync(synced[0] as number).ino,
      statSync(`${file}-wal`).ino,
      'the WAL is synced',
    )
    let readBack: string | undefined
    const read = store.read.organisations.findBySlug('org-s').then((o) => {
      readBack = o?.slug
    })
    // A write arriving now waits for the sync in flight, then commits in the next batch.
    let secondAcknowledged = false
    const second = store
      .transaction((tx) => tx.organisations.insert(org('org-t')))
      .then(() => {
        secondAcknowledged = true
      })
    await turns(20)
    assert.equal(acknowledged, false, 'not acknowledged before the sync')
    assert.equal(readBack, undefined, 'not readable before the sync')
    assert.equal(synced.length, 1, 'one sync at a time')
    finish.shift()?.()
    await Promise.all([write, read])
    assert.equal(readBack, 'org-s')
    await until(() => synced.length > 1 || secondAcknowledged, 'the next batch is synced')
    assert.equal(secondAcknowledged, false, 'the next batch waits for its own sync')
    finish.shift()?.()
    await second
    await store.close()
  })

  it('[S11] a failed sync fails every request of its batch, and every write and read after it', async (t) => {
    const file = join(mkdtempSync(join(tmpdir(), 'askhour-')), 'askhour.db')
    const store = await openSqliteStore(file)
    await store.transaction((tx) => tx.organisations.insert(org('org-w')))
    t.mock.method(fs, 'fdatasync', (_fd: number, done: (err: Error | null) => void) =>
      done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })),
    )
    const code = (r: PromiseSettledResult<unknown>) =>
      r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok'
    const batch = await Promise.allSettled([
      store.transaction((tx) => tx.organisations.insert(org('org-x'))),
      store.transaction((tx) => tx.organisations.insert(org('org-y'))),
    ])
    assert.deepEqual(batch.map(code), ['EIO', 'EIO'])
    t.mock.restoreAll()
    // The disk said a write was lost: what is on it can no longer be trusted.
    const after = await Promise.allSettled([
      store.transaction((tx) => tx.organisations.insert(org('org-z'))),
      store.read.organisations.findBySlug('org-w'),
      store.ping(),
    ])
    assert.deepEqual(after.map(code), ['EIO', 'EIO', 'EIO'])
    await store.close()
  })

  it('[S9] copies committed pages into the database file in the background, not inside a commit', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'askhour-')), 'askhour.db')
    const store = await openSqliteStore(file)
    const before = statSync(file).size
    // Well under the 1,000 WAL pages at which a commit would checkpoint by itself.
    for (let i = 0; i < 50; i++) {
      await store.transaction((tx) =>
        tx.organisations.insert({
          id: `org-${i}`,
          slug: `org-${i}`,
          name: 'x'.repeat(2000),
          timeZone: 'UTC',
          logoUrl: null,
          brandColour: '#000000',
          emergencyGuidance: 'Call 999.',
          createdAt: '2026-12-01T00:00:00.000Z',
        }),
      )
    }
    const deadline = Date.now() + 10_000
    while (statSync(file).size <= before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50))
    }
    assert.ok(statSync(file).size > before, 'the database file grew while the store was open')
    await store.close()
  })

  it('[S9] keeps the WAL small under a steady stream of commits, starting it over once copied', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'askhour-')), 'askhour.db')
    const store = await openSqliteStore(file)
    const row = (i: number) => ({ ...org(`org-${i}`), name: 'x'.repeat(1500) })
    const walSize = () => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0
    // 16 writers that never pause leave no gap between commits for the checkpoint to catch up in.
    const rows = 24_000
    let next = 0
    let largest = 0
    const writer = async () => {
      while (next < rows) {
        const i = next++
        await store.transaction((tx) => tx.organisations.insert(row(i)))
        if (i % 16 === 0) largest = Math.max(largest, walSize())
      }
    }
    await Promise.all(Array.from({ length: 16 }, writer))
    const written = rows * 1500
    assert.ok(
      largest < written / 2,
      `the WAL peaked at ${largest} bytes while ${written} bytes of rows were written`,
    )
    await store.close()
  })
})
