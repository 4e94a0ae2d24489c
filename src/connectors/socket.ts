import WebSocket from 'ws'
import { retryAfterMs } from './backoff.ts'
import { RateLimited } from './connector.ts'

export interface ReadSocketOptions {
  signal: AbortSignal
  /** Handles one message; messages are handled one at a time, in order. */
  onMessage(data: Buffer, binary: boolean): Promise<void>
  onOpen?(): void
  /** A ping this often; no pong before the next ping means the connection is dead. */
  pingMs?: number
  /** Messages waiting to be handled before the socket stops reading (backpressure). */
  highWater?: number
}

/**
 * Reads a WebSocket until `signal` aborts (resolves) or the connection fails (rejects, with
 * `RateLimited` when the upgrade was refused with 429). Messages are handled in order; while too
 * many wait, the socket is paused so a slow database slows the stream, not memory.
 */
export function readSocket(url: string, opts: ReadSocketOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { handshakeTimeout: 15_000 })
    const highWater = opts.highWater ?? 500
    let waiting = 0
    let chain = Promise.resolve()
    let settled = false
    let ponged = true
    const finish = (err?: unknown) => {
      if (settled) return
      settled = true
      clearInterval(pinger)
      opts.signal.removeEventListener('abort', onAbort)
      ws.removeAllListeners()
      ws.on('error', () => {})
      ws.terminate()
      if (err) reject(err)
      else resolve()
    }
    const onAbort = () => finish()
    opts.signal.addEventListener('abort', onAbort, { once: true })
    if (opts.signal.aborted) return finish()
    const pinger = setInterval(() => {
      if (!ponged) return finish(new Error('the stream stopped answering pings'))
      ponged = false
      if (ws.readyState === WebSocket.OPEN) ws.ping()
    }, opts.pingMs ?? 30_000)
    ws.on('pong', () => {
      ponged = true
    })
    ws.on('open', () => opts.onOpen?.())
    ws.on('unexpected-response', (_req, res) => {
      const wait = retryAfterMs({ get: (h) => res.headers[h] as string | undefined })
      const status = res.statusCode ?? 0
      res.resume()
      finish(
        status === 429
          ? new RateLimited(wait ?? 60_000, 'the stream refused us: 429')
          : new Error(`the stream refused us: ${status}`),
      )
    })
    ws.on('message', (data: Buffer, binary: boolean) => {
      waiting++
      if (waiting >= highWater) ws.pause()
      chain = chain
        .then(() => (settled ? undefined : opts.onMessage(data, binary)))
        .then(() => {
          waiting--
          if (waiting < highWater / 2 && ws.isPaused) ws.resume()
        })
        .catch((err: unknown) => finish(err))
    })
    ws.on('error', (err) => finish(err))
    ws.on('close', (code, reason) => {
      // Let handled messages finish before reporting the close, so no cursor is lost.
      chain = chain.then(() =>
        finish(new Error(`the stream closed (${code}${reason.length ? ` ${reason}` : ''})`)),
      )
    })
  })
}
