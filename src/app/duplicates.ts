import type { EventType } from '../domain/events.ts'
import { DuplicateIndex, type Similar } from '../moderation/index.ts'
import type { Store } from '../store/store.ts'

interface ChatIndex {
  index: DuplicateIndex
  seq: number
  refreshing: Promise<void> | null
}

const OPEN_STATES = ['pending', 'approved', 'answered'] as const
/** Indexes kept at once; the least recently used chat's is dropped (and rebuilt if needed). */
const MAX_CHATS = 32
/** Events after which a question can no longer be merged into. */
const LEAVES = new Set<EventType>([
  'question.rejected',
  'question.redirected',
  'question.merged',
  'question.deleted',
])

/**
 * Near-duplicate suggestions for moderators: one index per chat in this process, built once from
 * the read tables and then kept current from the chat's log, so any process can answer.
 */
export class DuplicateSuggestions {
  readonly #chats = new Map<string, ChatIndex>()

  constructor(private readonly store: Store) {}

  /** For each question, the open questions of the same chat that probably ask the same thing. */
  async similar(
    chatId: string,
    questions: Array<{ id: string; text: string }>,
    limit = 3,
  ): Promise<Map<string, Similar[]>> {
    const { index } = await this.current(chatId)
    return new Map(questions.map((q) => [q.id, index.similar(q.text, { excludeId: q.id, limit })]))
  }

  private async current(chatId: string): Promise<ChatIndex> {
    let c = this.#chats.get(chatId)
    if (c) {
      // Map order is insertion order: re-inserting marks this chat most recently used.
      this.#chats.delete(chatId)
      this.#chats.set(chatId, c)
    } else {
      const seq = await this.store.read.events.lastSeq(chatId)
      const index = new DuplicateIndex()
      for (const q of await this.store.read.questions.list(chatId, { states: [...OPEN_STATES] }))
        index.add(q.id, q.text)
      c = this.#chats.get(chatId) ?? { index, seq, refreshing: null }
      this.#chats.set(chatId, c)
      for (const oldest of this.#chats.keys()) {
        if (this.#chats.size <= MAX_CHATS) break
        this.#chats.delete(oldest)
      }
    }
    c.refreshing ??= this.catchUp(c, chatId).finally(() => {
      if (c) c.refreshing = null
    })
    await c.refreshing
    return c
  }

  private async catchUp(c: ChatIndex, chatId: string): Promise<void> {
    for (;;) {
      const events = await this.store.read.events.after(chatId, c.seq, 'all', 1000)
      for (const e of events) {
        if (e.type === 'question.received') c.index.add(e.data.question.id, e.data.question.text)
        else if (LEAVES.has(e.type) && 'questionId' in e.data) c.index.remove(e.data.questionId)
        c.seq = e.seq
      }
      if (events.length < 1000) return
    }
  }
}
