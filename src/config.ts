import { availableParallelism } from 'node:os'
import { z } from 'zod'

const int = (def: number) => z.coerce.number().int().positive().default(def)

const Config = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  /** A SQLite file path (embedded mode) or postgres://… (scale-out mode). */
  DATABASE_URL: z.string().default('./data/askhour.db'),
  /** PostgreSQL connections per process (the leader holds one more for the run-once lock). */
  DATABASE_POOL_SIZE: int(10),
  /** Set to share live notices and rate limits across processes (scale-out mode). */
  REDIS_URL: z
    .url()
    .refine((v) => /^rediss?:\/\//.test(v), 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  /** Namespaces Askhour's Redis channel and keys, so instances can share one Redis. */
  REDIS_PREFIX: z.string().default('askhour:'),
  /** How often a process tries to take over the run-once work (chat clock) and the leader checks it. */
  LEADER_INTERVAL_MS: int(2000),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLOCK_INTERVAL_MS: int(5000),
  SSE_HEARTBEAT_MS: int(25_000),
  SSE_MAX_BUFFER_BYTES: int(1_048_576),
  RATE_QUESTIONS_PER_VISITOR: int(10),
  RATE_QUESTIONS_PER_IP: int(30),
  RATE_QUESTIONS_PER_CHAT: int(1200),
  RATE_REACTIONS_PER_VISITOR: int(120),
  RATE_WINDOW_MS: int(60_000),
  /** Seals social-network credentials at rest (AES-256-GCM): 32 bytes of base64, or 32+ characters. */
  CONNECTOR_KEY: z.string().min(32, 'CONNECTOR_KEY must be at least 32 characters').optional(),
  /** Bluesky: `jetstream` (light JSON) or `firehose` (com.atproto.sync.subscribeRepos). */
  BLUESKY_STREAM: z.enum(['jetstream', 'firehose']).default('jetstream'),
  BLUESKY_STREAM_URL: z.url().default('wss://jetstream2.us-east.bsky.network'),
  BLUESKY_PLC_URL: z.url().default('https://plc.directory'),
  BLUESKY_APPVIEW_URL: z.url().default('https://public.api.bsky.app'),
  /** How long after a chat ends reposts, likes and replies of its answers are still counted. */
  CONNECTOR_REACH_HOURS: int(48),
  /**
   * Worker threads for the moderation aids; 0 analyses on the main thread. Default: one on a
   * machine with 4+ cores; on a smaller one a thread costs ~40 MiB and competes for the core the
   * database and the OS need (docs/performance.md).
   */
  ANALYSE_THREADS: z.coerce.number().int().min(0).max(16).optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
})

export type Config = z.infer<typeof Config> & { publicUrl: string; analyseThreads: number }

/** Reads and checks every setting at once, so a bad deployment hears about all its problems together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  - ${i.path.join('.')}: ${i.message}`)
      .join('\n')
    throw new Error(`Askhour cannot start; fix these settings:\n${problems}`)
  }
  const c = parsed.data
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '')
  const analyseThreads = c.ANALYSE_THREADS ?? (availableParallelism() >= 4 ? 1 : 0)
  return { ...c, publicUrl, analyseThreads }
}
