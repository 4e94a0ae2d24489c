import { randomUUID } from 'node:crypto'
import { setFlagsFromString } from 'node:v8'
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino'
import { type Analyser, inThread } from './analyser/analyser.ts'
import { openAnalyserPool } from './analyser/pool.ts'
import { issueSetupLink } from './app/accounts.ts'
import { AudienceRecorder } from './app/audience.ts'
import { tickClock } from './app/clock.ts'
import type { Deps } from './app/deps.ts'
import { DuplicateSuggestions } from './app/duplicates.ts'
import { newToken } from './app/secrets.ts'
import type { Bus } from './bus/bus.ts'
import { openMemoryBus } from './bus/memory.ts'
import { openRedisBus } from './bus/redis.ts'
import { openRedisClient } from './bus/redis-client.ts'
import type { Config } from './config.ts'
import { createMetrics } from './http/metrics.ts'
import { redisRateLimiter } from './http/rate-limit.redis.ts'
import { memoryRateLimiter, type RateLimiter } from './http/rate-limit.ts'
import { buildServer, type Server } from './http/server.ts'
import { advisoryLeadership, type Leadership, soleLeadership } from './store/leader.ts'
import { openPostgresStore } from './store/postgres.ts'
import { openSqliteStore } from './store/sqlite.ts'
import type { Store } from './store/store.ts'

/** Pino that never writes cookies, tokens, passwords or question text. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    serializers: {
      // Query strings can carry one-time setup and invitation tokens: log the path only.
      req: (req: { method: string; url: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
    },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.text',
      ],
      remove: true,
    },
  }
  return destination ? pino(options, destination) : pino(options)
}

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url)

/** Opens the store chosen by the configuration (SQLite is the embedded default). */
export async function openStore(config: Config, log?: Logger): Promise<Store> {
  if (isPostgres(config.DATABASE_URL)) {
    return openPostgresStore(config.DATABASE_URL, {
      poolSize: config.DATABASE_POOL_SIZE,
      ...(log ? { log } : {}),
    })
  }
  return openSqliteStore(config.DATABASE_URL, log ? { log } : {})
}

/**
 * The scale-out adapters, when configured: Redis carries notices and shared rate limits, and a
 * PostgreSQL advisory lock picks the one process that runs the chat clock.
 */
function openScaleOut(config: Config, log: Logger) {
  const redis = config.REDIS_URL ? openRedisClient(config.REDIS_URL, log, 'limits') : null
  const bus: Bus = config.REDIS_URL
    ? openRedisBus(config.REDIS_URL, { log, channel: `${config.REDIS_PREFIX}chats` })
    : openMemoryBus()
  const limiter: RateLimiter = redis
    ? redisRateLimiter(redis, { prefix: `${config.REDIS_PREFIX}rl:`, log })
    : memoryRateLimiter()
  const leadership: Leadership = isPostgres(config.DATABASE_URL)
    ? advisoryLeadership(config.DATABASE_URL, {
        name: 'run-once',
        intervalMs: config.LEADER_INTERVAL_MS,
        log,
      })
    : soleLeadership()
  return { bus, limiter, leadership, close: () => redis?.disconnect() }
}

/** The composition root: every adapter is chosen here, once, from validated configuration. */
export async function composeDeps(
  config: Config,
  log: Logger,
  store: Store,
  bus: Bus = openMemoryBus(),
  analyser: Analyser = inThread,
): Promise<{ deps: Deps; secret: string; metrics: ReturnType<typeof createMetrics> }> {
  const metrics = createMetrics()
  const now = () => new Date()
  const deps: Deps = {
    store,
    bus,
    log,
    now,
    newId: randomUUID,
    analyse: analyser.analyse,
    publicUrl: config.publicUrl,
    metrics: metrics.app,
    duplicates: new DuplicateSuggestions(store),
    audience: new AudienceRecorder({ store, log, now, newId: randomUUID }),
  }
  const secret =
    config.SESSION_SECRET ??
    (await store.transaction((tx) => tx.settings.getOrInit('secret', newToken())))
  return { deps, secret, metrics }
}

export interface Running {
  server: Server
  deps: Deps
  url: string
  stop(): Promise<void>
}

/** Starts everything `askhour serve` runs: HTTP, live streams and the chat clock. */
export async function start(
  config: Config,
  opts: { log?: Logger; announceSetup?: boolean } = {},
): Promise<Running> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL)
  // A frame written to thousands of viewers leaves their write requests alive across a scavenge;
  // V8 then takes those allocation sites for long-lived and allocates them straight into the old
  // generation, which made every later scavenge take 30–80 ms and stall the feed (measured in the
  // fan-out benchmark: docs/performance.md). They are short-lived: keep them young. Set here, not
  // on the command line, so every way of starting the server gets it; V8 reads the flag when it
  // decides, and Node 20 leaves flags unfrozen after start-up (checked with --trace-pretenuring).
  // It applies to the whole process.
  setFlagsFromString('--no-allocation-site-pretenuring')
  const store = await openStore(config, log)
  const scale = openScaleOut(config, log)
  // Moderation runs beside the event loop that feeds live viewers, where there is a core for it.
  const analyser =
    config.analyseThreads > 0 ? openAnalyserPool({ threads: config.analyseThreads, log }) : inThread
  const { deps, secret, metrics } = await composeDeps(config, log, store, scale.bus, analyser)
  // [N12] Network connectors run beside the clock, on the leading process only. Their client
  // libraries cost ~65 MiB, so they are loaded only when networks can be connected at all.
  const connectors = config.CONNECTOR_KEY
    ? (await import('./connectors/index.ts')).startConnectors(config, deps, scale.leadership)
    : { services: undefined, stop: async () => {} }
  if (!config.CONNECTOR_KEY)
    log.info('social networks are off: set CONNECTOR_KEY to connect accounts')
  const server = await buildServer(deps, {
    connectors: connectors.services,
    metrics,
    trustProxy: config.TRUST_PROXY,
    hub: {
      heartbeatMs: config.SSE_HEARTBEAT_MS,
      maxBufferBytes: config.SSE_MAX_BUFFER_BYTES,
      pollMs: 5000,
    },
    limits: {
      limiter: scale.limiter,
      secret,
      windowMs: config.RATE_WINDOW_MS,
      questionsPerVisitor: config.RATE_QUESTIONS_PER_VISITOR,
      questionsPerIp: config.RATE_QUESTIONS_PER_IP,
      questionsPerChat: config.RATE_QUESTIONS_PER_CHAT,
      reactionsPerVisitor: config.RATE_REACTIONS_PER_VISITOR,
    },
  })
  const address = await server.app.listen({ host: config.HOST, port: config.PORT })
  // [X5] The clock runs in one process at a time: the leader; it ticks at once on taking the lead.
  const tick = () => {
    if (!scale.leadership.isLeader()) return
    tickClock(deps).catch((err: unknown) => log.error({ err }, 'chat clock failed'))
  }
  const clock = setInterval(tick, config.CLOCK_INTERVAL_MS)
  scale.leadership.onChange((leader) => leader && tick())
  if (scale.leadership.isLeader()) await tickClock(deps)
  const setup = opts.announceSetup === false ? null : await issueSetupLink(deps)
  if (setup) {
    // Printed, not logged: the one way in on a new install, shown to whoever started the server.
    process.stdout.write(
      `\nNo staff accounts yet. Create the first admin within 24 hours at:\n  ${setup}\n\n`,
    )
  }
  const port = server.app.server.address()
  const url = typeof port === 'object' && port ? `http://127.0.0.1:${port.port}` : address
  return {
    server,
    deps,
    url,
    async stop() {
      clearInterval(clock)
      await connectors.stop()
      await scale.leadership.close()
      await server.shutdown()
      await analyser.close()
      await deps.bus.close()
      scale.close()
      await store.close()
    },
  }
}
