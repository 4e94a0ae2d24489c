import { Worker } from 'node:worker_threads'
import { type ThemesInput, themes } from './report.themes.ts'
import type { Themes } from './report.types.ts'

/**
 * From this many questions on, themes are worked out on a worker thread. Grouping near-duplicates
 * costs ~0.1 s for 300 questions but ~0.9 s for 2,000 and ~2.7 s for 4,000 (measured here), and
 * on the main thread every live viewer and request of the process would wait that long.
 */
export const OFF_THREAD_FROM = 300

/** A report's themes, worked out where they cannot hold the event loop up for long. */
export function themesOf(input: ThemesInput): Promise<Themes> {
  if (input.questions.length < OFF_THREAD_FROM) {
    return Promise.resolve(themes(input.questions, input.merges, input.hashtag))
  }
  return new Promise((resolve, reject) => {
    // No inherited --import preloads: the boot file sets up what the thread needs.
    const worker = new Worker(new URL('../boot-worker.mjs', import.meta.url), {
      workerData: { entry: 'reports/report.themes.worker', ...input },
      execArgv: [],
    })
    let settled = false
    worker.once('message', (result: Themes) => {
      settled = true
      resolve(result)
      void worker.terminate()
    })
    worker.once('error', (err) => {
      settled = true
      reject(err)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`report themes thread exited with code ${code}`))
    })
  })
}
