import type { ChatEvent, EventDraft } from '../domain/events.ts'
import type { Repos } from '../store/repos.ts'
import type { Deps } from './deps.ts'

/**
 * The one way a chat changes: `fn` reads and writes read tables inside a transaction and returns
 * the events it decided on; they are appended to the chat's log in that same transaction; after
 * the commit the bus tells every process the log has grown.
 */
export async function changeChat<T>(
  deps: Deps,
  chatId: string,
  actor: string,
  fn: (tx: Repos, at: string) => Promise<{ result: T; events: EventDraft[] }>,
): Promise<{ result: T; events: ChatEvent[] }> {
  const at = deps.now().toISOString()
  const out = await deps.store.transaction(async (tx) => {
    // First, so that what `fn` reads cannot change under it before the commit (Q10 on PostgreSQL).
    await tx.events.lock(chatId)
    const { result, events } = await fn(tx, at)
    return { result, events: await tx.events.append(chatId, events, actor, at) }
  })
  deps.metrics.eventsAppended(out.events.length)
  const last = out.events.at(-1)
  if (last) {
    // The log is committed; a lost notice only delays viewers until the next one or a poll.
    deps.bus.publish({ chatId, seq: last.seq }).catch((err: unknown) => {
      deps.log.warn({ err, chatId }, 'bus publish failed')
    })
  }
  return out
}
