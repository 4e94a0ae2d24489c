import type { ChatEvent } from '../../domain/events.ts'

/** One SSE message: `id` is the chat log's seq, so a reconnecting client resumes exactly there. */
export const eventFrame = (e: ChatEvent): Buffer =>
  Buffer.from(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`)

export const HEARTBEAT = Buffer.from(': heartbeat\n\n')

export const retryFrame = (ms: number) => Buffer.from(`retry: ${ms}\n\n`)

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
}
