// A worker thread of the analyser pool (pool.ts): analyses messages and answers by request id.
import { parentPort } from 'node:worker_threads'
import { analyse } from '../moderation/analyse.ts'
import type { Request, Response } from './messages.ts'

const port = parentPort
if (!port) throw new Error('worker.ts runs as a worker thread of the analyser pool')

port.on('message', ({ id, text, context }: Request) => {
  let reply: Response
  try {
    reply = { id, analysis: analyse(text, context) }
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) }
  }
  port.postMessage(reply)
})
