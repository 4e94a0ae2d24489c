import type { ChatEvent } from '../../domain/events.ts'

/** One SSE message: `id` is the chat log's seq, so a reconnecting client resumes exactly there. */
export const eventFrame = (e: ChatEvent): Buffer =>
  Buffer.from(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`)

const CRLF = Buffer.from('\r\n')
const chunks = new WeakMap<Buffer, Buffer>()

/**
 * `frame` as one HTTP/1.1 chunk (size line, data, CRLF), built once per frame whatever the
 * number of viewers, so that each viewer costs one socket write.
 */
export function asChunk(frame: Buffer): Buffer {
  let chunk = chunks.get(frame)
  if (!chunk) {
    chunk = Buffer.concat([Buffer.from(`${frame.length.toString(16)}\r\n`), frame, CRLF])
    chunks.set(frame, chunk)
  }
  return chunk
}

export const HEARTBEAT = Buffer.from(': heartbeat\n\n')

export const retryFrame = (ms: number) => Buffer.from(`retry: ${ms}\n\n`)

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
}
