import type { ChatEvent } from '../../domain/events.ts'

const CRLF = Buffer.from('\r\n')

/**
 * An SSE message as it goes on the wire. Its HTTP/1.1 chunk form (size line, data, CRLF) is built
 * on first use and kept, so a frame written to thousands of chunked streams is framed once and
 * each viewer costs one socket write.
 */
export class Frame {
  #chunk: Buffer | null = null
  constructor(readonly text: Buffer) {}

  get chunk(): Buffer {
    this.#chunk ??= Buffer.concat([
      Buffer.from(`${this.text.length.toString(16)}\r\n`),
      this.text,
      CRLF,
    ])
    return this.#chunk
  }
}

/** One event: `id` is the chat log's seq, so a reconnecting client resumes exactly there. */
export const eventFrame = (e: ChatEvent): Frame =>
  new Frame(Buffer.from(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`))

export const HEARTBEAT = new Frame(Buffer.from(': heartbeat\n\n'))

export const retryFrame = (ms: number) => Buffer.from(`retry: ${ms}\n\n`)

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
}
