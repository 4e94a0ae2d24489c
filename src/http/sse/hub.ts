import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Logger } from 'pino'
import type { Bus, ChatNotice } from '../../bus/bus.ts'
import type { ChatEvent } from '../../domain/events.ts'
import type { Store } from '../../store/store.ts'
import { CountBatcher, foldCounts, isCount } from './counts.ts'
import { eventFrame, type Frame, HEARTBEAT, retryFrame, SSE_HEADERS } from './frame.ts'

export type Audience = 'public' | 'staff'

interface Client {
  res: ServerResponse
  /** Set once the response's headers are on a chunked stream this response owns (see `write`). */
  socket: Socket | null
  audience: Audience
  /** The last log position this client has been given (or passed over, for events it may not see). */
  cursor: number
  /** False while catching up from the database; the fan-out leaves it alone until then. */
  live: boolean
}

interface Channel {
  chatId: string
  clients: Set<Client>
  /** The last seq fanned out to live clients. */
  head: number
  wanted: number
  /** The read-and-fan-out loop in progress, if any. */
  draining: Promise<void> | null
  /** The chain of frames being written; frames go out one after another, in the log's order. */
  sending: Promise<void>
  counts: CountBatcher
}

/**
 * Viewers written to before yielding to the event loop. One write costs ~10 µs (mostly the
 * syscall), so a frame for 5,000 viewers written in one go would hold every request (a vote, a
 * question) for ~50 ms; in slices of 256 they wait ~3 ms at most.
 */
const SLICE = 256

export interface HubOptions {
  heartbeatMs: number
  maxBufferBytes: number
  /** Safety net for lost bus notices: every channel re-reads its log tail this often. */
  pollMs: number
  /** The poll interval while the bus reports it cannot reach other processes (default 1 s). */
  degradedPollMs?: number
  batch?: number
  /** Vote and thanks totals go out at most once per this interval (default 250 ms). */
  countsIntervalMs?: number
}

/**
 * Fans a chat's log out to this process's SSE viewers. Each new event is read from the store once
 * and serialised once, then written to every viewer allowed to see it. Viewers that stop reading
 * are dropped once their buffer passes the cap, so one slow phone cannot grow the server's memory
 * beyond the cap plus one round of events.
 */
export class FeedHub {
  private readonly channels = new Map<string, Channel>()
  private readonly timers: NodeJS.Timeout[] = []
  private poller: NodeJS.Timeout | null = null
  private unsubscribe: (() => void) | null = null
  private unwatch: (() => void) | null = null
  private readonly batch: number

  constructor(
    private readonly deps: { store: Store; bus: Bus; log: Logger },
    private readonly opts: HubOptions,
  ) {
    this.batch = opts.batch ?? 500
  }

  start(): void {
    this.unsubscribe = this.deps.bus.subscribe((n) => this.notice(n))
    this.timers.push(setInterval(() => this.broadcast(HEARTBEAT), this.opts.heartbeatMs).unref())
    this.poll(this.opts.pollMs)
    // While the bus is down, notices from other processes are lost: poll faster, and catch up
    // at once when it is back.
    this.unwatch =
      this.deps.bus.onConnectionChange?.((up) => {
        this.poll(up ? this.opts.pollMs : (this.opts.degradedPollMs ?? 1000))
        if (up) this.pumpAll()
      }) ?? null
  }

  private poll(ms: number): void {
    if (this.poller) clearInterval(this.poller)
    this.poller = setInterval(() => this.pumpAll(), ms).unref()
  }

  private pumpAll(): void {
    for (const ch of this.channels.values()) this.pump(ch, Number.MAX_SAFE_INTEGER)
  }

  /** Viewers connected to each chat on this process. */
  viewers(): Map<string, number> {
    return new Map([...this.channels].map(([id, ch]) => [id, ch.clients.size]))
  }

  /** Members of the public watching each chat on this process (staff streams left out). */
  publicViewers(): Map<string, number> {
    const count = (ch: Channel) => [...ch.clients].filter((c) => c.audience === 'public').length
    return new Map([...this.channels].map(([id, ch]) => [id, count(ch)]))
  }

  /**
   * Streams a chat to `res`: first everything after `lastSeq` from the database, then live events,
   * with no gap and no repeat between the two.
   */
  async attach(
    chatId: string,
    audience: Audience,
    res: ServerResponse,
    lastSeq: number | null,
  ): Promise<void> {
    const channel = await this.channel(chatId)
    // The viewer may have gone while we awaited; its 'close' has then fired already.
    if (res.destroyed) return
    const client: Client = {
      res,
      socket: null,
      audience,
      cursor: lastSeq ?? channel.head,
      live: false,
    }
    res.on('close', () => this.detach(channel, client))
    channel.clients.add(client)
    res.writeHead(200, SSE_HEADERS)
    res.write(retryFrame(3000))
    // The headers are queued on the socket now. A response waiting behind a pipelined one has no
    // socket yet, and an HTTP/1.0 one is not chunked: those keep going through `res.write`.
    if (res.chunkedEncoding && res.socket) client.socket = res.socket
    try {
      await this.catchUp(channel, client)
    } catch (err) {
      this.deps.log.warn({ err, chatId }, 'sse replay failed')
      res.destroy()
    }
  }

  /** Tells every viewer when to come back, then ends their streams (graceful shutdown). */
  close(retryMs: number): void {
    this.unsubscribe?.()
    this.unwatch?.()
    for (const t of this.timers) clearInterval(t)
    if (this.poller) clearInterval(this.poller)
    for (const ch of this.channels.values()) {
      ch.counts.close()
      for (const c of ch.clients) c.res.end(retryFrame(retryMs))
    }
    this.channels.clear()
  }

  private async channel(chatId: string): Promise<Channel> {
    const existing = this.channels.get(chatId)
    if (existing) return existing
    const head = await this.deps.store.read.events.lastSeq(chatId)
    const raced = this.channels.get(chatId)
    if (raced) return raced
    const ch: Channel = {
      chatId,
      clients: new Set(),
      head,
      wanted: head,
      draining: null,
      sending: Promise.resolve(),
    } as Channel
    ch.counts = new CountBatcher(this.opts.countsIntervalMs ?? 250, (frame, seq) =>
      this.fanOut(ch, (c) => {
        if (!c.live || seq <= c.cursor) return
        c.cursor = seq
        this.write(c, frame)
      }),
    )
    this.channels.set(chatId, ch)
    return ch
  }

  private async catchUp(ch: Channel, c: Client): Promise<void> {
    for (;;) {
      const events = await this.deps.store.read.events.after(ch.chatId, c.cursor, 'all', this.batch)
      this.replay(c, events)
      if (c.res.destroyed) {
        this.detach(ch, c)
        return
      }
      // Synchronously from here: nothing can be fanned out between this check and going live.
      if (events.length < this.batch && c.cursor >= ch.head) {
        c.live = true
        return
      }
    }
  }

  private notice(n: ChatNotice): void {
    const ch = this.channels.get(n.chatId)
    if (ch) this.pump(ch, n.seq)
  }

  private pump(ch: Channel, upTo: number): void {
    ch.wanted = Math.max(ch.wanted, upTo)
    if (ch.draining || ch.wanted <= ch.head) return
    ch.draining = this.drain(ch)
      .catch((err: unknown) =>
        this.deps.log.warn({ err, chatId: ch.chatId }, 'sse fan-out read failed'),
      )
      .finally(() => {
        ch.draining = null
      })
  }

  /** Resolves once every event committed so far has been fanned out (for tests and benchmarks). */
  async settled(chatId: string): Promise<void> {
    const ch = this.channels.get(chatId)
    if (!ch) return
    const last = await this.deps.store.read.events.lastSeq(chatId)
    while (ch.head < last) {
      this.pump(ch, last)
      await ch.draining
    }
    await ch.sending
  }

  private async drain(ch: Channel): Promise<void> {
    while (ch.wanted > ch.head) {
      const events = await this.deps.store.read.events.after(ch.chatId, ch.head, 'all', this.batch)
      if (events.length === 0) {
        ch.wanted = ch.head
        return
      }
      for (const e of events) {
        ch.head = e.seq
        if (isCount(e)) {
          ch.counts.add(e)
          continue
        }
        ch.counts.flush()
        const frame = eventFrame(e)
        void this.fanOut(ch, (c) => {
          if (c.live) this.deliver(c, e, frame)
        })
      }
      // Read no further ahead than the viewers have been written to.
      await ch.sending
    }
  }

  /**
   * Queues one frame's round of writes behind the channel's earlier ones, so every viewer gets
   * frames in log order, and writes it in slices so requests are served in between. A viewer
   * that goes live during a round has caught up from the database past this frame already; its
   * cursor makes `write` skip it.
   */
  private fanOut(ch: Channel, write: (c: Client) => void): Promise<void> {
    ch.sending = ch.sending
      .then(async () => {
        this.dropStalled(ch)
        const clients = [...ch.clients]
        for (let i = 0; i < clients.length; i += SLICE) {
          if (i > 0) await new Promise(setImmediate)
          for (const c of clients.slice(i, i + SLICE)) write(c)
        }
      })
      // One failed round must not stop the ones queued behind it.
      .catch((err: unknown) => this.deps.log.warn({ err, chatId: ch.chatId }, 'sse fan-out failed'))
    return ch.sending
  }

  /** Writes a catch-up batch to one viewer, folding each run of vote/thanks totals into one frame. */
  private replay(c: Client, events: ChatEvent[]): void {
    let run: ChatEvent[] = []
    const flushRun = () => {
      const last = run.at(-1)
      if (last && last.seq > c.cursor) {
        c.cursor = last.seq
        this.write(c, foldCounts(run))
      }
      run = []
    }
    for (const e of events) {
      if (isCount(e)) {
        run.push(e)
        continue
      }
      flushRun()
      this.deliver(c, e, eventFrame(e))
    }
    flushRun()
  }

  private deliver(c: Client, e: ChatEvent, frame: Frame): void {
    if (e.seq <= c.cursor) return
    c.cursor = e.seq
    if (e.visibility !== 'public' && c.audience !== 'staff') return
    this.write(c, frame)
  }

  /**
   * One socket write per viewer: `res.write` corks the socket, queues the chunk's size line, data
   * and CRLF as three buffers and writes them a tick later; the frame's ready-made chunk is one
   * plain write. Ending the stream still goes through `res`, after everything written here.
   */
  private write(c: Client, frame: Frame): void {
    // A round can still be going out while shutdown ends the streams.
    if (c.res.destroyed || c.res.writableEnded) return
    if (c.socket) c.socket.write(frame.chunk)
    else c.res.write(frame.text)
  }

  /**
   * Drops viewers still holding more than the cap from earlier rounds. Checked before each round,
   * not per write, so a fast reader is never judged in the middle of a slice. `writableLength`
   * counts the socket's buffer too, so frames written straight to the socket are included.
   */
  private dropStalled(ch: Channel): void {
    for (const c of ch.clients) {
      if (c.res.writableLength <= this.opts.maxBufferBytes) continue
      this.deps.log.info({ chatId: ch.chatId }, 'dropping a viewer that stopped reading')
      c.res.destroy()
      this.detach(ch, c)
    }
  }

  private broadcast(frame: Frame): void {
    for (const ch of this.channels.values()) void this.fanOut(ch, (c) => this.write(c, frame))
  }

  private detach(ch: Channel, c: Client): void {
    ch.clients.delete(c)
    if (ch.clients.size === 0 && this.channels.get(ch.chatId) === ch) {
      ch.counts.close()
      this.channels.delete(ch.chatId)
    }
  }
}
