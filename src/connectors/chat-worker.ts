import { honourDeletion, takeNetworkPost } from '../app/connectors.ts'
import type { Deps } from '../app/deps.ts'
import { acceptsQuestions } from '../domain/chat.ts'
import { DomainError } from '../domain/errors.ts'
import type { Chat } from '../domain/types.ts'
import type { ChatNetworkRow } from '../store/repos/connectors.repo.ts'
import { type BackoffOptions, nextDelay, sleep } from './backoff.ts'
import {
  type Connector,
  type ConnectorModule,
  type ConnectorSettings,
  type Network,
  RateLimited,
  type StreamItem,
  tagOf,
} from './connector.ts'
import type { Keyring } from './credentials.ts'
import { answerBack } from './outbox.ts'
import { reasonOf, StatusReporter } from './status.ts'

export interface WorkerEnv {
  deps: Deps
  modules: Partial<Record<Network, ConnectorModule<unknown>>>
  settings: ConnectorSettings
  keyring: Keyring
  backoff: BackoffOptions
  /** Reach is counted for this long after the chat ends. */
  reachAfterMs: number
  reachEveryMs: number
  sweepEveryMs: number
  /** A stream position is stored at least this often even when nothing matched. */
  cursorEveryMs: number
}

interface Running {
  connector: Connector
  accountVersion: string
  selfId: string
  status: StatusReporter
  ingest: { controller: AbortController; done: Promise<void> } | null
}

const OUTBOX = '_outbox'
const GIVE_UP_AFTER = 5

/** Runs one chat's connectors on this (leading) process: ingest, answer-back, reach, sweeps. */
export class ChatWorker {
  private chat: Chat | null = null
  private switches: ChatNetworkRow[] = []
  private readonly running = new Map<Network, Running>()
  private draining: Promise<void> | null = null
  private again = false
  private outboxNotBefore = 0
  private readonly failures = new Map<number, number>()
  private lastReach = 0
  private lastSweep = 0

  constructor(
    private readonly env: WorkerEnv,
    readonly chatId: string,
  ) {}

  /** Re-reads the chat and its switches, and starts or stops connectors to match. */
  async refresh(): Promise<void> {
    const { deps } = this.env
    this.chat = (await deps.store.read.chats.findById(this.chatId)) ?? null
    this.switches = await deps.store.read.connectors.switches(this.chatId)
    const chat = this.chat
    for (const network of Object.keys(this.env.modules) as Network[]) {
      const sw = this.switches.find((s) => s.network === network)
      const account = chat && (await deps.store.read.connectors.findAccount(chat.orgId, network))
      let run = this.running.get(network)
      if (run && (!sw?.enabled || !account || run.accountVersion !== account.updatedAt)) {
        await this.stopNetwork(network, run)
        run = undefined
      }
      if (!chat || !sw?.enabled || !account) continue
      if (!run) {
        run = this.open(network, chat, account) ?? undefined
        if (!run) continue
        this.running.set(network, run)
      }
      const open = acceptsQuestions(chat, deps.now().toISOString())
      if (open && !run.ingest) run.ingest = this.startIngest(network, run)
      if (!open && run.ingest) await this.stopIngest(run)
    }
    await this.periodic()
  }

  /** The chat's log grew: answer back for anything new. */
  kick(): void {
    void this.drainOutbox()
  }

  async stop(): Promise<void> {
    for (const [network, run] of this.running) await this.stopNetwork(network, run)
    await this.draining
  }

  private open(
    network: Network,
    chat: Chat,
    account: {
      orgId: string
      secret: string
      updatedAt: string
      networkUserId: string
      handle: string
    },
  ): Running | null {
    const module = this.env.modules[network]
    if (!module) return null
    const status = new StatusReporter(this.env.deps, chat.id, network)
    try {
      const plain = this.env.keyring.open(account.secret, `${account.orgId}:${network}`)
      const credentials = module.configSchema.parse(JSON.parse(plain))
      const connector = module.create({
        credentials,
        settings: this.env.settings,
        log: this.env.deps.log.child({ chatId: chat.id, network }),
        identity: { userId: account.networkUserId, handle: account.handle },
      })
      return {
        connector,
        accountVersion: account.updatedAt,
        selfId: account.networkUserId,
        status,
        ingest: null,
      }
    } catch (err) {
      // Never log the error itself: a parse failure could quote the credentials.
      status.set(
        'failing',
        'The stored credentials could not be opened; connect the account again.',
      )
      this.env.deps.log.error(
        { chatId: chat.id, network, kind: (err as Error)?.name },
        'credentials unusable',
      )
      return null
    }
  }

  private async stopNetwork(network: Network, run: Running): Promise<void> {
    await this.stopIngest(run)
    await run.connector.close().catch(() => {})
    this.running.delete(network)
  }

  private async stopIngest(run: Running): Promise<void> {
    if (!run.ingest) return
    run.ingest.controller.abort()
    await run.ingest.done
    run.ingest = null
    run.status.set('off')
    await run.status.flush()
  }

  private startIngest(network: Network, run: Running) {
    const controller = new AbortController()
    const done = this.ingestLoop(network, run, controller.signal).catch((err: unknown) => {
      this.env.deps.log.error({ err, chatId: this.chatId, network }, 'ingest loop crashed')
    })
    return { controller, done }
  }

  /** [N5][N6] Reads the stream from the stored cursor; on failure backs off and resumes from it. */
  private async ingestLoop(network: Network, run: Running, signal: AbortSignal): Promise<void> {
    const { deps } = this.env
    const repo = deps.store.read.connectors
    let attempt = 0
    while (!signal.aborted) {
      const cursor = await repo.cursor(this.chatId, network)
      let latest = cursor
      let savedAt = deps.now().getTime()
      const save = async () => {
        if (latest === null || latest === cursor) return
        const at = deps.now().toISOString()
        const value = latest
        await deps.store.transaction((tx) =>
          tx.connectors.saveCursor(this.chatId, network, value, at),
        )
        savedAt = deps.now().getTime()
      }
      run.status.set('connecting')
      try {
        await run.connector.ingest({
          hashtag: tagOf(this.chat?.hashtag ?? ''),
          cursor,
          signal,
          alive: (positionAt) => run.status.alive(positionAt),
          emit: async (items, next, positionAt) => {
            for (const item of items) await this.take(network, run, item)
            if (items.length > 0) attempt = 0
            run.status.alive(positionAt)
            if (next !== null) latest = next
            if (items.length > 0 || deps.now().getTime() - savedAt >= this.env.cursorEveryMs)
              await save()
          },
        })
        if (signal.aborted) break
        throw new Error('the stream ended')
      } catch (err) {
        if (signal.aborted) break
        run.status.set('failing', reasonOf(err))
        deps.log.warn({ chatId: this.chatId, network, reason: reasonOf(err) }, 'connector failing')
        await sleep(nextDelay(err, attempt++, this.env.backoff), signal)
      } finally {
        await save().catch((err: unknown) => deps.log.warn({ err }, 'cursor save failed'))
      }
    }
  }

  private async take(network: Network, run: Running, item: StreamItem): Promise<void> {
    const { deps } = this.env
    if (item.type === 'deleted') {
      // Firehoses carry every deletion on the network: only act on posts we took in.
      const known = await deps.store.read.connectors.inboundRef(network, item.externalId)
      if (known || network !== 'bluesky') await honourDeletion(deps, network, item.externalId)
      return
    }
    if (item.post.authorId === run.selfId || !this.chat) return
    try {
      await takeNetworkPost(deps, this.chat, item.post)
    } catch (err) {
      // A post the rules refuse (too long, chat just closed) is skipped; a database failure is not.
      if (!(err instanceof DomainError)) throw err
      deps.log.info({ chatId: this.chatId, network, code: err.code }, 'network post not taken')
    }
  }

  private reachUntil(): string {
    const end = Math.max(Date.parse(this.chat?.endsAt ?? ''), this.env.deps.now().getTime())
    return new Date((Number.isFinite(end) ? end : Date.now()) + this.env.reachAfterMs).toISOString()
  }

  /** [N7] Answers back for every new event, in log order, from a cursor stored per chat. */
  private drainOutbox(): Promise<void> {
    if (this.draining) {
      this.again = true
      return this.draining
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = null
    })
    return this.draining
  }

  private async drainLoop(): Promise<void> {
    const { deps } = this.env
    const chat = this.chat
    if (!chat || deps.now().getTime() < this.outboxNotBefore) return
    const repo = deps.store.read.connectors
    const stored = await repo.cursor(chat.id, OUTBOX)
    const save = (seq: number) =>
      deps.store.transaction((tx) =>
        tx.connectors.saveCursor(chat.id, OUTBOX, String(seq), deps.now().toISOString()),
      )
    if (stored === null) {
      // Answer back only for what happens after a network is switched on.
      return void (await save(await deps.store.read.events.lastSeq(chat.id)))
    }
    let seq = Number(stored)
    const connectors = new Map([...this.running].map(([n, r]) => [n, r.connector]))
    const ctx = { deps, chat, connectors, switches: this.switches, reachUntil: this.reachUntil() }
    do {
      this.again = false
      for (;;) {
        const events = await deps.store.read.events.after(chat.id, seq, 'all', 100)
        if (events.length === 0) break
        for (const e of events) {
          try {
            await answerBack(ctx, e)
          } catch (err) {
            if (!this.giveUp(e.seq, err)) return
          }
          seq = e.seq
          await save(seq)
        }
      }
    } while (this.again)
  }

  /** Whether to skip an event that keeps failing (true), or stop and retry later (false). */
  private giveUp(seq: number, err: unknown): boolean {
    const { deps } = this.env
    if (err instanceof RateLimited) {
      this.outboxNotBefore = deps.now().getTime() + err.retryAfterMs
      return false
    }
    const n = (this.failures.get(seq) ?? 0) + 1
    this.failures.set(seq, n)
    deps.log.warn(
      { chatId: this.chatId, seq, attempt: n, reason: reasonOf(err) },
      'answer-back failed',
    )
    if (n < GIVE_UP_AFTER) {
      this.outboxNotBefore = deps.now().getTime() + nextDelay(err, n, this.env.backoff)
      return false
    }
    deps.log.error({ chatId: this.chatId, seq, reason: reasonOf(err) }, 'answer-back given up')
    this.failures.delete(seq)
    return true
  }

  /** Answer-back retries, reach counts and deletion sweeps, each at its own pace. */
  private async periodic(): Promise<void> {
    const now = this.env.deps.now().getTime()
    this.kick()
    if (now - this.lastReach >= this.env.reachEveryMs) {
      this.lastReach = now
      await this.countReach().catch((err: unknown) =>
        this.env.deps.log.warn({ chatId: this.chatId, reason: reasonOf(err) }, 'reach failed'),
      )
    }
    if (now - this.lastSweep >= this.env.sweepEveryMs) {
      this.lastSweep = now
      await this.sweep().catch((err: unknown) =>
        this.env.deps.log.warn({ chatId: this.chatId, reason: reasonOf(err) }, 'sweep failed'),
      )
    }
  }

  /** [N11] Reposts, likes and replies of answers posted, while the chat is live and after. */
  private async countReach(): Promise<void> {
    const { deps } = this.env
    const at = deps.now().toISOString()
    for (const [network, run] of this.running) {
      if (!run.connector.reach) continue
      const posts = await deps.store.read.connectors.postsForReach(this.chatId, network, at)
      if (posts.length === 0) continue
      const counts = await run.connector.reach(posts)
      for (const p of posts) {
        const c = counts.get(p.externalId)
        if (!c) continue
        const row = {
          network,
          postId: p.externalId,
          chatId: p.chatId,
          answerId: p.answerId,
          postUrl: p.url,
          ...c,
          at,
        }
        await deps.store.transaction((tx) => tx.connectors.saveReach(row))
      }
    }
  }

  /** [N4] For networks whose streams do not carry deletions: ask which ingested posts are gone. */
  private async sweep(): Promise<void> {
    const { deps } = this.env
    for (const [network, run] of this.running) {
      if (!run.connector.gone) continue
      const live = await deps.store.read.connectors.liveInbound(this.chatId, network)
      if (live.length === 0) continue
      for (const id of await run.connector.gone(live)) await honourDeletion(deps, network, id)
    }
  }
}
