import { createHash } from 'node:crypto'
import type { Logger } from 'pino'
import type { PageViewCount, ViewerSample } from '../store/repos/reports.repo.ts'
import type { Store } from '../store/store.ts'

export interface PageView {
  chatId: string
  /** `live`: the chat's live page (itemId = the chat's id); `answer`: an answer's permanent page. */
  page: 'live' | 'answer'
  itemId: string
  /** The visitor cookie's key (already an HMAC); it is hashed again with the day before storing. */
  visitorKey: string
}

export interface AudienceOptions {
  /** How often buffered counts are written; default 30 s. */
  flushMs?: number
  /** How often the viewer counts are sampled; default 15 s. */
  sampleMs?: number
}

const minuteOf = (d: Date) => `${d.toISOString().slice(0, 16)}:00.000Z`
const dayOf = (d: Date) => d.toISOString().slice(0, 10)
const visitorOfDay = (key: string, day: string) =>
  createHash('sha256').update(`${day}:${key}`).digest('base64url').slice(0, 22)

/**
 * Counts who watches chats, cheaply: viewer samples and page views are added up in memory and
 * written in one transaction per flush, one row per chat per minute (viewers) and per page per
 * visitor per day (views), never a row per request. Figures: docs/report.md.
 */
export class AudienceRecorder {
  readonly #viewers = new Map<string, ViewerSample>()
  readonly #views = new Map<string, PageViewCount>()
  readonly #timers: NodeJS.Timeout[] = []
  readonly #processId: string

  constructor(
    private readonly deps: { store: Store; log: Logger; now: () => Date; newId: () => string },
    private readonly opts: AudienceOptions = {},
  ) {
    this.#processId = deps.newId()
  }

  /** Notes how many people watch each chat's live stream on this process right now. */
  sample(viewers: ReadonlyMap<string, number>): void {
    const minute = minuteOf(this.deps.now())
    for (const [chatId, n] of viewers)
      this.#keepViewers({ chatId, processId: this.#processId, minute, viewers: n })
  }

  #keepViewers(s: ViewerSample): void {
    const key = `${s.chatId}|${s.minute}`
    const kept = this.#viewers.get(key)
    if (!kept) this.#viewers.set(key, { ...s })
    else if (s.viewers > kept.viewers) kept.viewers = s.viewers
  }

  #keepViews(v: PageViewCount): void {
    const key = `${v.page}|${v.itemId}|${v.day}|${v.visitor}`
    const kept = this.#views.get(key)
    if (kept) kept.views += v.views
    else this.#views.set(key, { ...v })
  }

  /** Counts one view of a live page or an answer page. */
  viewed(v: PageView): void {
    const day = dayOf(this.deps.now())
    const visitor = visitorOfDay(v.visitorKey, day)
    this.#keepViews({ chatId: v.chatId, page: v.page, itemId: v.itemId, day, visitor, views: 1 })
  }

  /** Writes what has been counted since the last flush; on failure the counts are kept for the next one. */
  async flush(): Promise<void> {
    const viewers = [...this.#viewers.values()]
    const views = [...this.#views.values()]
    if (viewers.length + views.length === 0) return
    this.#viewers.clear()
    this.#views.clear()
    try {
      await this.deps.store.transaction(async (tx) => {
        await tx.reports.recordViewers(viewers)
        await tx.reports.recordPageViews(views)
      })
    } catch (err) {
      this.deps.log.warn({ err }, 'audience flush failed; retrying with the next one')
      for (const s of viewers) this.#keepViewers(s)
      for (const v of views) this.#keepViews(v)
    }
  }

  /** Samples `viewers()` (e.g. the SSE hub's public viewers per chat) and flushes on timers. */
  start(viewers?: () => ReadonlyMap<string, number>): void {
    if (viewers)
      this.#timers.push(
        setInterval(() => this.sample(viewers()), this.opts.sampleMs ?? 15_000).unref(),
      )
    this.#timers.push(
      setInterval(() => {
        this.flush().catch(() => {})
      }, this.opts.flushMs ?? 30_000).unref(),
    )
  }

  /** Stops the timers and writes what is left (call on shutdown, before the store closes). */
  async stop(): Promise<void> {
    for (const t of this.#timers) clearInterval(t)
    this.#timers.length = 0
    await this.flush()
  }
}
