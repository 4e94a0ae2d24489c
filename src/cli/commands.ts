import { addUser } from '../app/accounts.ts'
import type { Config } from '../config.ts'
import type { Role } from '../domain/types.ts'
import { composeDeps, createLogger, openStore, start } from '../main.ts'

/** Serves until SIGTERM or SIGINT, then drains: in-flight requests finish, viewers are told to retry. */
export async function serveCommand(config: Config): Promise<void> {
  const log = createLogger(config.LOG_LEVEL)
  const running = await start(config, { log })
  process.stdout.write(
    `Askhour is serving at ${config.PORT === 0 ? running.url : config.publicUrl}\n`,
  )
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

export async function migrateCommand(config: Config): Promise<void> {
  const store = await openStore(config)
  await store.close()
  process.stdout.write(`Database is up to date (${config.DATABASE_URL}).\n`)
}

export async function addUserCommand(
  config: Config,
  org: string,
  email: string,
  role: Role,
): Promise<void> {
  const store = await openStore(config)
  try {
    const { deps } = await composeDeps(config, createLogger('silent'), store)
    const link = await addUser(deps, org, email, role)
    process.stdout.write(
      `Send this one-time link to ${email} (valid 7 days) to set a password and join as ${role}:\n  ${link}\n`,
    )
  } finally {
    await store.close()
  }
}
