import { randomUUID } from 'node:crypto'
import pino from 'pino'
import { inThread } from '../src/analyser/analyser.ts'
import { AudienceRecorder } from '../src/app/audience.ts'
import type { Deps } from '../src/app/deps.ts'
import { DuplicateSuggestions } from '../src/app/duplicates.ts'
import { openMemoryBus } from '../src/bus/memory.ts'
import { createMetrics } from '../src/http/metrics.ts'
import { memoryRateLimiter } from '../src/http/rate-limit.ts'
import { buildServer, type Server } from '../src/http/server.ts'
import type { HubOptions } from '../src/http/sse/hub.ts'
import { openSqliteStore } from '../src/store/sqlite.ts'
import type { Store } from '../src/store/store.ts'

/** A clock tests can move by hand. */
export function manualClock(start = '2026-12-01T12:00:00.000Z') {
  let t = new Date(start).getTime()
  return {
    now: () => new Date(t),
    set: (iso: string) => {
      t = new Date(iso).getTime()
    },
    advance: (ms: number) => {
      t += ms
    },
  }
}

export type Clock = ReturnType<typeof manualClock>

/** Use-case dependencies over a fresh in-memory SQLite database. */
export async function testDeps(clock: Clock = manualClock(), given?: Store): Promise<Deps> {
  const store = given ?? (await openSqliteStore(':memory:'))
  const log = pino({ level: 'silent' })
  return {
    store,
    duplicates: new DuplicateSuggestions(store),
    audience: new AudienceRecorder({ store, log, now: clock.now, newId: randomUUID }),
    bus: openMemoryBus(),
    log,
    now: clock.now,
    newId: randomUUID,
    analyse: inThread.analyse,
    publicUrl: 'http://askhour.test',
    metrics: { eventsAppended: () => {} },
  }
}

export interface Limits {
  questionsPerVisitor?: number
  questionsPerIp?: number
  questionsPerChat?: number
}

/** The full HTTP server over `deps`, for inject() tests or listening on loopback. */
export async function testServer(
  deps: Deps,
  limits: Limits = {},
  hub: Partial<HubOptions> = {},
): Promise<Server> {
  return buildServer(deps, {
    metrics: createMetrics(),
    trustProxy: false,
    hub: { heartbeatMs: 60_000, maxBufferBytes: 256 * 1024, pollMs: 60_000, ...hub },
    limits: {
      limiter: memoryRateLimiter(() => deps.now().getTime()),
      secret: 'test-secret-test-secret-test-secret',
      windowMs: 60_000,
      questionsPerVisitor: limits.questionsPerVisitor ?? 1000,
      questionsPerIp: limits.questionsPerIp ?? 1000,
      questionsPerChat: limits.questionsPerChat ?? 10_000,
      reactionsPerVisitor: 1000,
    },
  })
}
