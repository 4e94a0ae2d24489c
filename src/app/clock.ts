import { dueTransition } from '../domain/chat.ts'
import { moveChat } from './chats.ts'
import type { Deps } from './deps.ts'

/** [C3] Starts and closes chats whose time has come; returns how many it moved. */
export async function tickClock(deps: Deps): Promise<number> {
  const now = deps.now().toISOString()
  let moved = 0
  for (const chat of await deps.store.read.chats.listDue(now)) {
    const to = dueTransition(chat, now)
    if (!to) continue
    try {
      await moveChat(deps, chat.id, to, 'system:clock')
      moved++
    } catch (err) {
      // Another process or a host may have moved it first; the next tick sees the new state.
      deps.log.warn({ err, chatId: chat.id }, 'clock could not move chat')
    }
  }
  // Expired sessions serve no one; sweeping them here keeps the table small without a job of its own.
  await deps.store.transaction((tx) => tx.sessions.deleteExpired(now))
  return moved
}
