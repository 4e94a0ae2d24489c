import type { Deps } from '../app/deps.ts'
import type { Leadership } from '../store/leader.ts'
import { type BackoffOptions, DEFAULT_BACKOFF } from './backoff.ts'
import { ChatWorker, type WorkerEnv } from './chat-worker.ts'
import type { ConnectorModule, ConnectorSettings, Network } from './connector.ts'
import type { Keyring } from './credentials.ts'

export interface RunnerOptions {
  modules: Partial<Record<Network, ConnectorModule<unknown>>>
  settings: ConnectorSettings
  keyring: Keyring
  leadership: Leadership
  /** How often the runner looks for chats to start or stop, and retries answer-back. */
  tickMs?: number
  backoff?: BackoffOptions
  reachAfterMs?: number
  reachEveryMs?: number
  sweepEveryMs?: number
  cursorEveryMs?: number
}

/**
 * [N12] Runs every chat's connectors, on the leading process only: when this process leads it
 * starts a worker per chat with a network switched on; when it loses the lead it stops them, and
 * the new leader resumes each stream from its stored cursor.
 */
export class ConnectorRunner {
  private readonly env: WorkerEnv
  private readonly workers = new Map<string, ChatWorker>()
  private timer: NodeJS.Timeout | null = null
  private ticking: Promise<void> | null = null
  private unsubscribe: Array<() => void> = []
  private readonly tickMs: number

  constructor(
    private readonly deps: Deps,
    private readonly opts: RunnerOptions,
  ) {
    this.tickMs = opts.tickMs ?? 5000
    this.env = {
      deps,
      modules: opts.modules,
      settings: opts.settings,
      keyring: opts.keyring,
      backoff: opts.backoff ?? DEFAULT_BACKOFF,
      reachAfterMs: opts.reachAfterMs ?? 48 * 3_600_000,
      reachEveryMs: opts.reachEveryMs ?? 5 * 60_000,
      sweepEveryMs: opts.sweepEveryMs ?? 30_000,
      cursorEveryMs: opts.cursorEveryMs ?? 5000,
    }
  }

  start(): void {
    const onLead = (leader: boolean) => (leader ? this.lead() : void this.follow())
    this.unsubscribe.push(this.opts.leadership.onChange(onLead))
    this.unsubscribe.push(
      this.deps.bus.subscribe((n) => {
        this.workers.get(n.chatId)?.kick()
      }),
    )
    if (this.opts.leadership.isLeader()) this.lead()
  }

  /** Runs one round now (tests, and the first round after taking the lead). */
  tick(): Promise<void> {
    this.ticking ??= this.round().finally(() => {
      this.ticking = null
    })
    return this.ticking
  }

  async stop(): Promise<void> {
    for (const u of this.unsubscribe) u()
    this.unsubscribe = []
    await this.follow()
  }

  private lead(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.tick(), this.tickMs)
    this.timer.unref()
    void this.tick()
  }

  private async follow(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.ticking
    const workers = [...this.workers.values()]
    this.workers.clear()
    await Promise.all(workers.map((w) => w.stop()))
  }

  private async round(): Promise<void> {
    try {
      if (!this.opts.leadership.isLeader()) return
      const since = new Date(this.deps.now().getTime() - this.env.reachAfterMs).toISOString()
      const wanted = new Set(await this.deps.store.read.connectors.chatsWithNetworks(since))
      for (const [id, w] of this.workers) {
        if (wanted.has(id)) continue
        this.workers.delete(id)
        await w.stop()
      }
      for (const id of wanted) {
        let w = this.workers.get(id)
        if (!w) {
          w = new ChatWorker(this.env, id)
          this.workers.set(id, w)
        }
        await w.refresh()
      }
    } catch (err) {
      this.deps.log.error({ err }, 'connector round failed')
    }
  }
}
