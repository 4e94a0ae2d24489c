import type { Deps } from '../app/deps.ts'
import type { Network } from './connector.ts'

type State = 'off' | 'connecting' | 'connected' | 'failing'

/**
 * [N10] Writes a connector's health where every process (and so the console) can read it: state
 * changes at once, "still alive" at most every `everyMs`, so a busy stream does not busy the database.
 */
export class StatusReporter {
  private state: State = 'off'
  private reason: string | null = null
  private heardAt: string | null = null
  private positionAt: string | null = null
  private written = 0
  private pending: Promise<void> = Promise.resolve()

  constructor(
    private readonly deps: Pick<Deps, 'store' | 'now' | 'log'>,
    private readonly chatId: string,
    private readonly network: Network,
    private readonly everyMs = 5000,
  ) {}

  set(state: State, reason: string | null = null): void {
    const changed = state !== this.state || reason !== this.reason
    this.state = state
    this.reason = reason
    if (state === 'connected') this.heardAt = this.deps.now().toISOString()
    if (changed) this.write()
  }

  /** The stream delivered something (or a heartbeat); `positionAt` is how far it has got. */
  alive(positionAt?: string): void {
    this.heardAt = this.deps.now().toISOString()
    if (positionAt) this.positionAt = positionAt
    if (this.state !== 'connected') this.set('connected')
    else if (this.deps.now().getTime() - this.written >= this.everyMs) this.write()
  }

  /** Resolves once every write asked for so far is done (shutdown, tests). */
  flush(): Promise<void> {
    return this.pending
  }

  private write(): void {
    this.written = this.deps.now().getTime()
    const row = {
      chatId: this.chatId,
      network: this.network,
      state: this.state,
      reason: this.reason,
      heardAt: this.heardAt,
      positionAt: this.positionAt,
      updatedAt: this.deps.now().toISOString(),
    }
    this.pending = this.pending
      .then(() => this.deps.store.transaction((tx) => tx.connectors.saveStatus(row)))
      .catch((err: unknown) =>
        this.deps.log.warn({ err, chatId: this.chatId }, 'status write failed'),
      )
  }
}

/** A reason fit for a host to read: the error's message, without anything that looks secret. */
export function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  return message.replace(/(token|password|secret|bearer)\S*/gi, '$1 [hidden]').slice(0, 300)
}
