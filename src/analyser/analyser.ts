import { analyse } from '../moderation/analyse.ts'
import type { AnalyseContext, Analysis } from '../moderation/types.ts'

/**
 * Runs the moderation aids on an incoming message. One interface, two implementations: on the
 * calling thread (tests, one-core machines, CLI commands) and on a pool of worker threads
 * (`pool.ts`), so that a flood of questions does not hold up the live feed's event loop.
 */
export interface Analyser {
  analyse(text: string, context?: AnalyseContext): Promise<Analysis>
  close(): Promise<void>
}

export const inThread: Analyser = {
  analyse: async (text, context) => analyse(text, context),
  close: async () => {},
}
