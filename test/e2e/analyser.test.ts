import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { openSqliteStore } from '../../src/store/sqlite.ts'
import { chat, organisation } from '../factories.ts'
import { manualClock, testDeps } from '../harness.ts'
import { serve } from '../serve.ts'

const dir = mkdtempSync(join(tmpdir(), 'askhour-analyser-'))

describe('askhour serve with the moderation aids on a worker thread', () => {
  after(() => rmSync(dir, { recursive: true, force: true }))

  const askTwice = async (main?: string[]) => {
    const file = join(dir, `askhour-${main ? 'built' : 'sources'}.db`)
    const seed = await openSqliteStore(file)
    const deps = await testDeps(manualClock(new Date().toISOString()), seed)
    const { admin } = await organisation(deps, 'gmp')
    await chat(deps, admin, 'gmp', 'live')
    await seed.close()

    const server = await serve({ DATABASE_URL: file, ANALYSE_THREADS: '2' }, main)
    try {
      const ask = async (text: string) => {
        const res = await fetch(`${server.url}/api/v1/chats/dogs-chat/questions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        })
        assert.equal(res.status, 201)
        return (await res.json()) as { publicText: string; masked: boolean; guidance?: string }
      }
      const [withPhone, emergency] = await Promise.all([
        ask('Ring me on 07700 900456 - does my exempt XL need a muzzle in the car?'),
        ask('A dog is attacking a child on our street right now, what do we do?'),
      ])
      assert.equal(withPhone.masked, true)
      assert.doesNotMatch(withPhone.publicText, /07700/)
      assert.match(emergency.guidance ?? '', /999/)
      assert.doesNotMatch(server.output(), /analyser thread/, 'no thread failed or fell back')
      const page = await fetch(`${server.url}/chats/dogs-chat`)
      assert.equal(page.status, 200)
      const styles = await fetch(
        new URL(
          /href="(\/assets\/site\.css[^"]*)"/.exec(await page.text())?.[1] ?? '/missing',
          server.url,
        ),
      )
      assert.equal(styles.status, 200)
      assert.match(await styles.text(), /[{}]/)
    } finally {
      await server.stop()
    }
  }

  it('[Q2][Q12] masks personal data and answers an emergency with the guidance, as in-thread', () =>
    askTwice())

  it('[U9] as npm start runs it, compiled: the same, with its worker thread and page styles', async () => {
    // Inside the checkout, so that the build resolves the installed packages.
    const out = mkdtempSync(join('node_modules', '.cache-askhour-build-'))
    try {
      await promisify(execFile)(process.execPath, ['scripts/build.mjs', out])
      await askTwice([join(out, 'cli', 'main.js')])
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
