// A one-off worker thread (report.themes.thread.ts): works out one report's themes and answers.
import { parentPort, workerData } from 'node:worker_threads'
import { type ThemesInput, themes } from './report.themes.ts'

const { questions, merges, hashtag } = workerData as ThemesInput
parentPort?.postMessage(themes(questions, merges, hashtag))
