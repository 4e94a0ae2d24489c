import type { ChatEvent } from '../../domain/events.ts'
import { type Frame, sseFrame } from './frame.ts'

/** Vote and thanks totals waiting to go out together. */
interface Pending {
  questions: Map<string, number>
  answers: Map<string, number>
  seq: number
}

/** Is this event only a new total (a vote or a thanks), which a later total supersedes? */
export const isCount = (e: ChatEvent) => e.type === 'question.voted' || e.type === 'answer.thanked'

/**
 * After a round of writes that took t, the next counts frame waits at least 3t: writing totals to
 * a large audience keeps the event loop busy at most a quarter of the time, leaving the rest for
 * the votes and questions themselves. A small audience still gets a frame every interval.
 */
const BUSY_SHARE = 0.25
/** However slow the rounds, totals are not held back longer than this. */
const MAX_GAP_MS = 2000

/**
 * Folds vote and thanks totals into one `counts` frame per interval, so a vote storm costs each
 * viewer a few frames a second instead of one per vote. Totals are absolute, so dropping a
 * superseded one loses nothing; the frame's id is the highest seq it covers. Any other event
 * flushes what is pending first, so ids on the wire only ever increase.
 */
export class CountBatcher {
  private pending: Pending | null = null
  private timer: NodeJS.Timeout | null = null
  private lastFlush = Number.NEGATIVE_INFINITY
  /** How long to wait after the last round: the interval, or longer after a slow round. */
  private gap: number
  /** The last frame's round of writes, while it is still going out. */
  private sending: Promise<void> | null = null

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (frame: Frame, seq: number) => Promise<void> | void,
    private readonly now: () => number = Date.now,
  ) {
    this.gap = intervalMs
  }

  /** Takes a count event; it goes out with the next flush. */
  add(e: ChatEvent): void {
    this.pending = fold(this.pending ?? empty(), e)
    this.schedule()
  }

  private schedule(): void {
    if (this.timer || this.sending || !this.pending) return
    const wait = Math.max(0, this.lastFlush + this.gap - this.now())
    this.timer = setTimeout(() => this.flush(), wait)
    this.timer.unref()
  }

  /** Sends what is pending now (before an ordinary event, or at the end of the interval). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const p = this.pending
    if (!p) return
    this.pending = null
    const started = this.now()
    this.lastFlush = started
    this.gap = this.intervalMs
    const sent = this.emit(countsFrame(p), p.seq)
    if (!sent) return
    // The interval runs from when the frame has reached every viewer, not from when it was
    // queued: a frame held up behind a long round would otherwise arrive just before the next.
    const round = sent.then(() => {
      if (this.sending !== round) return
      this.sending = null
      this.lastFlush = this.now()
      const took = this.lastFlush - started
      this.gap = Math.max(
        this.intervalMs,
        Math.min(MAX_GAP_MS, (took * (1 - BUSY_SHARE)) / BUSY_SHARE),
      )
      this.schedule()
    })
    this.sending = round
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending = null
    this.sending = null
  }
}

function countsFrame(p: Pending): Frame {
  const data = {
    questions: Object.fromEntries(p.questions),
    answers: Object.fromEntries(p.answers),
  }
  return sseFrame(p.seq, 'counts', data)
}

const empty = (): Pending => ({ questions: new Map(), answers: new Map(), seq: 0 })

/** Adds one count event to the totals waiting to go out; a later total replaces an earlier one. */
function fold(p: Pending, e: ChatEvent): Pending {
  if (e.type === 'question.voted') p.questions.set(e.data.questionId, e.data.votes)
  if (e.type === 'answer.thanked') p.answers.set(e.data.answerId, e.data.thanks)
  p.seq = e.seq
  return p
}

/** Folds a run of count events (e.g. in a replay) into one frame. */
export const foldCounts = (events: ChatEvent[]): Frame => countsFrame(events.reduce(fold, empty()))
