import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { openSqliteStore } from '../../src/store/sqlite.ts'
import { chat, organisation } from '../factories.ts'
import { manualClock, testDeps } from '../harness.ts'
import { serve } from '../serve.ts'

const TOTAL = 400
const IN_FLIGHT = 16
const KILL_AFTER = 120

const dir = mkdtempSync(join(tmpdir(), 'askhour-crash-'))
const file = join(dir, 'askhour.db')
const env = {
  DATABASE_URL: file,
  RATE_QUESTIONS_PER_VISITOR: '100000',
  RATE_QUESTIONS_PER_IP: '100000',
  RATE_QUESTIONS_PER_CHAT: '100000',
}

async function ask(url: string, i: number): Promise<string | null> {
  try {
    const res = await fetch(`${url}/api/v1/chats/dogs-chat/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `crash-test-${i}` },
      body: JSON.stringify({ text: `Burst question number ${i}: is my dog exempt?` }),
    })
    if (res.status !== 201) return null
    return ((await res.json()) as { id: string }).id
  } catch {
    return null
  }
}

describe('durability', () => {
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('[D1] SIGKILL during a burst loses no acknowledged question; retries with the same keys make each exactly once', async () => {
    const seed = await openSqliteStore(file)
    const deps = await testDeps(manualClock(new Date().toISOString()), seed)
    const { admin } = await organisation(deps, 'gmp')
    const live = await chat(deps, admin, 'gmp', 'live')
    await seed.close()

    const first = await serve(env)
    const acked = new Map<number, string>()
    let next = 0
    let killing: Promise<void> | null = null
    const worker = async () => {
      while (next < TOTAL && !killing) {
        const i = next++
        const id = await ask(first.url, i)
        if (id) acked.set(i, id)
        if (acked.size >= KILL_AFTER && !killing) killing = first.kill()
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
    await killing
    assert.ok(
      acked.size >= KILL_AFTER && acked.size < TOTAL,
      `killed mid-burst (${acked.size} acknowledged)`,
    )

    const second = await serve(env)
    try {
      for (let i = 0; i < TOTAL; i++) {
        if (acked.has(i)) continue
        const id = await ask(second.url, i)
        assert.ok(id, `retry ${i} accepted`)
        acked.set(i, id)
      }
    } finally {
      await second.stop()
    }

    const store = await openSqliteStore(file)
    const questions = await store.read.questions.list(live.id)
    await store.close()
    const byText = new Map<string, number>()
    for (const q of questions) byText.set(q.text, (byText.get(q.text) ?? 0) + 1)
    for (let i = 0; i < TOTAL; i++) {
      assert.equal(
        byText.get(`Burst question number ${i}: is my dog exempt?`),
        1,
        `question ${i} exactly once`,
      )
    }
    assert.equal(questions.length, TOTAL)
    const ids = new Set(questions.map((q) => q.id))
    for (const [i, id] of acked) assert.ok(ids.has(id), `acknowledged question ${i} kept its id`)
  })
})
