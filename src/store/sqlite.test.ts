import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import SQLite from 'better-sqlite3'
import { openSqliteStore } from './sqlite.ts'
import { storeContract } from './store.contract.ts'

storeContract('sqlite', () => openSqliteStore(':memory:'))

describe('SQLite file store', () => {
  it('[S7] creates the file, migrates it, and runs WAL with synchronous=FULL', async () => {
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
})
