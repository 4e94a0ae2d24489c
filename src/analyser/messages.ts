import type { AnalyseContext, Analysis } from '../moderation/types.ts'

/** What the pool sends a worker thread. */
export interface Request {
  id: number
  text: string
  context?: AnalyseContext | undefined
}

/** What a worker thread answers: the analysis, or the message of what it threw. */
export type Response =
  | { id: number; analysis: Analysis; error?: undefined }
  | { id: number; error: string; analysis?: undefined }
