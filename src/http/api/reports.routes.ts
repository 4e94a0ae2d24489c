import { z } from 'zod'
import type { Deps } from '../../app/deps.ts'
import { chatReport, exportChatReport, transparencySummary } from '../../app/reports.ts'
import { FORMATS } from '../../reports/exports.ts'
import { route } from '../route.ts'
import { ChatParams, Slug } from './common.schema.ts'

/** The chat report for staff, its exports, and the public transparency summary (issue 7). */
export const reportRoutes = (deps: Deps) => [
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat/report',
    tag: 'reports',
    summary: 'The chat report: live while the chat runs, final once it closes',
    auth: 'staff',
    params: ChatParams,
    handler: async ({ actor, params }) => chatReport(deps, actor, params.chat),
  }),
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat/report.:format',
    tag: 'reports',
    summary:
      'The report as HTML or PDF, questions and answers as CSV or JSON, or a Markdown write-up',
    auth: 'staff',
    params: z.object({ chat: Slug, format: z.enum(FORMATS) }),
    handler: async ({ actor, params, reply }) => {
      const file = await exportChatReport(deps, actor, params.chat, params.format)
      reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
      return file.body
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat/transparency',
    tag: 'public',
    summary: 'How a closed chat handled its questions: counts only, never their words',
    auth: 'public',
    params: ChatParams,
    handler: async ({ params }) => transparencySummary(deps, params.chat),
  }),
]
