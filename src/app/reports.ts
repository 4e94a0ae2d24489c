import { notFound } from '../domain/errors.ts'
import type { Actor } from '../domain/permissions.ts'
import type { Chat } from '../domain/types.ts'
import { type Format, type ReportFile, renderReport } from '../reports/exports.ts'
import { buildReport, loadReportInput, type Progress } from '../reports/report.ts'
import type { Report } from '../reports/report.types.ts'
import { type TransparencySummary, transparencyOf } from '../reports/transparency.ts'
import { chatFor } from './access.ts'
import { type Deps, isoNow } from './deps.ts'

/** How many of the organisation's earlier chats a report compares itself with. */
export const EARLIER_CHATS = 4

async function reportOf(deps: Deps, chat: Chat, onProgress?: Progress): Promise<Report> {
  const input = await loadReportInput(deps.store.read, chat, isoNow(deps), {
    earlier: EARLIER_CHATS,
    ...(onProgress ? { onProgress } : {}),
  })
  return buildReport(input)
}

/** [R1][R8] A chat's report, live while it runs and final once closed; staff of its organisation only. */
export async function chatReport(deps: Deps, actor: Actor, slug: string): Promise<Report> {
  return reportOf(deps, await chatFor(deps.store.read, actor, slug, 'chat.view'))
}

/** [R3]–[R6] A chat's report as a file to download. */
export async function exportChatReport(
  deps: Deps,
  actor: Actor,
  slug: string,
  format: Format,
): Promise<ReportFile> {
  return renderReport(await chatReport(deps, actor, slug), format)
}

/** For the operator's command line, which runs on the server and has no signed-in actor. */
export async function operatorReport(
  deps: Deps,
  slug: string,
  format: Format,
  onProgress?: Progress,
): Promise<ReportFile> {
  const chat = await deps.store.read.chats.findBySlug(slug)
  if (!chat) throw notFound('Chat')
  return renderReport(await reportOf(deps, chat, onProgress), format)
}

// Closed chats rarely change, so the public summary is kept per chat until its log grows.
const summaries = new Map<string, { seq: number; summary: TransparencySummary }>()
const CACHE_SIZE = 200

/** [R7] The public transparency summary of a closed chat; any other chat is not found. */
export async function transparencySummary(deps: Deps, slug: string): Promise<TransparencySummary> {
  const chat = await deps.store.read.chats.findBySlug(slug)
  if (chat?.state !== 'closed') throw notFound('Chat')
  const seq = await deps.store.read.events.lastSeq(chat.id)
  const cached = summaries.get(chat.id)
  if (cached?.seq === seq) return cached.summary
  const input = await loadReportInput(deps.store.read, chat, isoNow(deps), { skipThemes: true })
  const texts = await deps.store.read.reports.questionTexts(chat.id)
  const summary = transparencyOf(buildReport(input), texts)
  if (summaries.size >= CACHE_SIZE) summaries.delete(summaries.keys().next().value as string)
  summaries.set(chat.id, { seq, summary })
  return summary
}
