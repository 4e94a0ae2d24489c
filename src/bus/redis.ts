import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { z } from 'zod'
import type { Bus, ChatNotice } from './bus.ts'
import { openRedisClient } from './redis-client.ts'

const Message = z.object({
  chatId: z.string().min(1).max(200),
  seq: z.number().int().nonnegative(),
  /** The publishing process; it has already told its own subscribers. */
  from: z.string().max(100),
})

export interface RedisBusOptions {
  log: Pick<Logger, 'info' | 'warn' | 'debug'>
  /** One channel for every chat; processes subscribe once and fan out locally. */
  channel?: string
}

/**
 * The bus across processes: one PUBLISH per notice on a single channel, one SUBSCRIBE connection
 * per process fanned out to its handlers. Notices reach this process's handlers directly, so
 * local viewers never wait on Redis. While Redis is down, `publish` drops notices at once (the
 * commit already happened; readers poll the store) and reports the outage to `onConnectionChange`.
 */
export function openRedisBus(url: string, opts: RedisBusOptions): Bus {
  const { log } = opts
  const channel = opts.channel ?? 'askhour:chats'
  const self = randomUUID()
  const pub = openRedisClient(url, log, 'bus-pub')
  const sub = openRedisClient(url, log, 'bus-sub', { offlineQueue: true })
  const handlers = new Set<(n: ChatNotice) => void>()
  const watchers = new Set<(connected: boolean) => void>()
  let connected = false

  const fanOut = (n: ChatNotice) => {
    for (const h of handlers) h(n)
  }
  const track = () => {
    const now = pub.status === 'ready' && sub.status === 'ready'
    if (now === connected) return
    connected = now
    for (const w of watchers) w(now)
  }
  for (const r of [pub, sub]) {
    r.on('ready', track)
    r.on('close', track)
  }

  sub.subscribe(channel).catch((err: unknown) => log.warn({ err }, 'redis subscribe failed'))
  sub.on('message', (_channel: string, raw: string) => {
    let parsed: z.infer<typeof Message>
    try {
      parsed = Message.parse(JSON.parse(raw))
    } catch (err) {
      log.warn({ err, bytes: raw.length }, 'dropped a malformed bus message')
      return
    }
    if (parsed.from !== self) fanOut({ chatId: parsed.chatId, seq: parsed.seq })
  })

  return {
    async publish(notice) {
      fanOut(notice)
      if (pub.status !== 'ready') return
      const message = JSON.stringify({ chatId: notice.chatId, seq: notice.seq, from: self })
      pub.publish(channel, message).catch((err: unknown) => {
        log.debug({ err, chatId: notice.chatId }, 'bus notice not sent; readers will poll')
      })
    },
    subscribe(handler) {
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    onConnectionChange(handler) {
      watchers.add(handler)
      return () => watchers.delete(handler)
    },
    async close() {
      handlers.clear()
      watchers.clear()
      pub.disconnect()
      sub.disconnect()
    },
  }
}
