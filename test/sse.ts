import { EventSource } from 'eventsource'

export interface Received {
  id: number
  type: string
  data: Record<string, unknown>
}

const TYPES = [
  'chat.created',
  'chat.updated',
  'chat.scheduled',
  'chat.unscheduled',
  'chat.started',
  'chat.closed',
  'question.received',
  'question.approved',
  'question.rejected',
  'question.withdrawn',
  'question.redirected',
  'question.merged',
  'question.assigned',
  'question.edited',
  'question.voted',
  'answer.drafted',
  'answer.published',
  'answer.edited',
  'answer.thanked',
]

/** A real EventSource client that records every event and can wait for one to arrive. */
export function listen(url: string, headers: Record<string, string> = {}) {
  const events: Received[] = []
  const waiters: Array<{ pred: (e: Received[]) => boolean; resolve: () => void }> = []
  const es = new EventSource(url, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
  })
  const check = () => {
    for (const w of [...waiters]) {
      if (w.pred(events)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve()
      }
    }
  }
  for (const type of TYPES) {
    es.addEventListener(type, (m) => {
      events.push({ id: Number(m.lastEventId), type, data: JSON.parse(m.data) })
      check()
    })
  }
  const opened = new Promise<void>((resolve, reject) => {
    es.onopen = () => resolve()
    es.onerror = (e) => reject(new Error(`stream failed: ${e.message ?? 'error'}`))
  })
  return {
    events,
    opened,
    /** Resolves once the recorded events satisfy `pred` (the test runner's timeout bounds the wait). */
    until(pred: (e: Received[]) => boolean): Promise<void> {
      if (pred(events)) return Promise.resolve()
      return new Promise((resolve) => waiters.push({ pred, resolve }))
    },
    close: () => es.close(),
  }
}
