import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { freshSchema, needs, PG_ADMIN_URL } from '../../test/services.ts'
import { DomainError } from '../domain/errors.ts'
import { openPostgresStore } from './postgres.ts'
import { storeContract } from './store.contract.ts'
import type { Store } from './store.ts'

const servers = await needs([{ name: 'PostgreSQL', url: PG_ADMIN_URL }])

describe('PostgreSQL store', servers, () => {
  storeContract('postgres', async () => {
    const schema = await freshSchema()
    const store = await openPostgresStore(schema.url, { poolSize: 8 })
    return {
      ...store,
      async close() {
        await store.close()
        await schema.drop()
      },
    }
  })

  describe('durability and outages', () => {
    let schema: Awaited<ReturnType<typeof freshSchema>>
    before(async () => {
      schema = await freshSchema()
    })
    after(() => schema.drop())

    it('[X1] refuses to start on a server whose commits are not durable', async () => {
      const url = new URL(schema.url)
      url.searchParams.set('options', `-c search_path=${schema.name} -c synchronous_commit=off`)
      await assert.rejects(openPostgresStore(url.toString()), /synchronous_commit=off/)
    })

    it('[X3] an unreachable database answers "unavailable" (503), not an unknown error', async () => {
      const store: Store = await openPostgresStore(schema.url)
      await store.close()
      const down = new URL(schema.url)
      down.port = '1' // nothing listens there on loopback
      await assert.rejects(openPostgresStore(down.toString()), /ECONNREFUSED/)
      // An open store whose server goes away mid-transaction: its connections are terminated.
      const tagged = new URL(schema.url)
      tagged.searchParams.set('application_name', `askhour-x3-${process.pid}`)
      const live = await openPostgresStore(tagged.toString(), { poolSize: 2 })
      try {
        await live.transaction(async (tx) => {
          await tx.settings.getOrInit('probe', 'x')
          const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
          await admin.connect()
          await admin.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
            [`askhour-x3-${process.pid}`],
          )
          await admin.end()
          await tx.settings.getOrInit('probe-2', 'y')
        })
        assert.fail('the transaction should have failed')
      } catch (err) {
        assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`)
        assert.equal(err.kind, 'unavailable')
      }
      // Nothing half-written, and the pool recovers without a restart.
      assert.equal(await live.read.settings.get('probe'), undefined)
      assert.equal(await live.ping(), true)
      await live.close()
    })
  })
})
