import { z } from 'zod'

const int = (def: number) => z.coerce.number().int().positive().default(def)

const Config = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .default('./data/askhour.db')
    .refine(
      (v) => !v.startsWith('postgres'),
      'PostgreSQL support is not built yet; use a SQLite file path',
    ),
  REDIS_URL: z.url().optional(),
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
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
})

export type Config = z.infer<typeof Config> & { publicUrl: string }

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
  return { ...c, publicUrl }
}
