import type { Logger } from 'pino'
import type { Bus } from '../bus/bus.ts'
import type { AnalyseContext, Analysis } from '../moderation/types.ts'
import type { Store } from '../store/store.ts'
import type { AudienceRecorder } from './audience.ts'
import type { DuplicateSuggestions } from './duplicates.ts'

/** What every use case may use; chosen once in the composition root. */
export interface Deps {
  store: Store
  bus: Bus
  log: Logger
  /** The current time; tests pass a fixed clock. */
  now: () => Date
  newId: () => string
  /** The moderation aids (`src/analyser/`): on a worker thread when the server has one. */
  analyse: (text: string, context?: AnalyseContext) => Promise<Analysis>
  /** Where links in messages and pages point, e.g. https://askhour.example.org */
  publicUrl: string
  metrics: AppMetrics
  duplicates: DuplicateSuggestions
  /** Counts live viewers and answer-page views for the report (not chat changes: no events). */
  audience: AudienceRecorder
}

/** What use cases report to the operator's metrics. */
export interface AppMetrics {
  eventsAppended(count: number): void
}

export const isoNow = (deps: Pick<Deps, 'now'>) => deps.now().toISOString()
