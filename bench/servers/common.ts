import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Reads a small request body. */
export async function body(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = []
  for await (const b of req) parts.push(b as Buffer)
  return Buffer.concat(parts).toString()
}

/** An event shaped and sized like Askhour's public `question.approved` payload. */
export function approvedData(text: string) {
  const at = new Date().toISOString()
  return {
    question: {
      id: randomUUID(),
      chatId: '5f1c7a52-2a43-4d0c-9d41-3c1b0b6f2d11',
      publicText: text,
      authorName: null,
      source: 'web',
      state: 'approved',
      votes: 0,
      receivedAt: at,
      approvedAt: at,
      answeredAt: null,
    },
  }
}

export const COUNTS_MS = 250

// Exit on SIGTERM through process.exit, so that a --cpu-prof profile gets written (BENCH_CPU_PROF).
process.on('SIGTERM', () => process.exit(0))
