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

/** One SSE message: `id` is the chat log's seq, so a reconnecting client resumes exactly there. */
export const sseFrame = (seq: number, type: string, data: unknown): Frame =>
  new Frame(Buffer.from(`id: ${seq}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`))

export const eventFrame = (e: ChatEvent): Frame => sseFrame(e.seq, e.type, e.data)

export const HEARTBEAT = new Frame(Buffer.from(': heartbeat\n\n'))

export const retryFrame = (ms: number) => Buffer.from(`retry: ${ms}\n\n`)

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
}
