import type { Bus, ChatNotice } from './bus.ts'

/** The single-process bus: notices go straight to this process's subscribers, in order. */
export function openMemoryBus(): Bus {
  const handlers = new Set<(n: ChatNotice) => void>()
  return {
    async publish(notice) {
      for (const h of handlers) h(notice)
    },
    subscribe(handler) {
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    async close() {
      handlers.clear()
    },
  }
}
