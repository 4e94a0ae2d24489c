import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { openSqliteStore } from '../../src/store/sqlite.ts'
import { chat, organisation } from '../factories.ts'
import { manualClock, testDeps } from '../harness.ts'
import { serve } from '../serve.ts'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'askhour-cli-'))
const askhour = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  })

describe('askhour command line', () => {
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('[U1] serve on an empty database prints a one-time setup link; migrate creates the file', async () => {
    const file = join(dir, 'fresh', 'askhour.db')
    const { stdout } = await askhour(['migrate'], { DATABASE_URL: file })
    assert.match(stdout, /up to date/)
    assert.ok(existsSync(file))
    const served = await serve({ DATABASE_URL: file })
    try {
      assert.match(
        served.output(),
        /Create the first admin.*\n\s+http:\/\/\S+\/setup\?token=[\w-]{40,}/,
      )
    } finally {
      await served.stop()
    }
  })

  it('[U5] user add prints an invitation link for an existing organisation and refuses an unknown one', async () => {
    const file = join(dir, 'users.db')
    const store = await openSqliteStore(file)
    await organisation(await testDeps(manualClock(), store), 'gmp')
    await store.close()
    const { stdout } = await askhour(
      ['user', 'add', '--org', 'gmp', '--email', 'PC.Patel@gmp.test', '--role', 'expert'],
      { DATABASE_URL: file },
    )
    assert.match(stdout, /pc\.patel@gmp\.test/)
    assert.match(stdout, /\/invite\?token=[\w-]{40,}/)
    await assert.rejects(
      askhour(['user', 'add', '--org', 'nope', '--email', 'a@b.test'], { DATABASE_URL: file }),
      /No organisation "nope"/,
    )
    await assert.rejects(
      askhour(['user', 'add', '--org', 'gmp', '--email', 'a@b.test', '--role', 'boss'], {
        DATABASE_URL: file,
      }),
      /--role must be one of/,
    )
  })

  it('[E7] SIGTERM tells live viewers when to reconnect and exits cleanly', async () => {
    const file = join(dir, 'term.db')
    const store = await openSqliteStore(file)
    const deps = await testDeps(manualClock(new Date().toISOString()), store)
    const { admin } = await organisation(deps, 'gmp')
    await chat(deps, admin, 'gmp', 'live')
    await store.close()
    const served = await serve({ DATABASE_URL: file })
    const { port } = new URL(served.url)
    const socket = connect(Number(port), '127.0.0.1')
    socket.write('GET /api/v1/chats/dogs-chat/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    let text = ''
    socket.on('data', (b: Buffer) => {
      text += b.toString()
    })
    await once(socket, 'data')
    const exited = once(served.child, 'exit')
    served.child.kill('SIGTERM')
    const [code] = await exited
    while (!socket.destroyed && !text.includes('retry: 2000')) await once(socket, 'data')
    assert.match(text, /retry: 2000/)
    assert.equal(code, 0)
    socket.destroy()
  })
})
