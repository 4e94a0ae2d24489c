import { invalid, notFound } from '../domain/errors.ts'
import type { Actor } from '../domain/permissions.ts'
import * as rules from '../domain/question.ts'
import type { Question } from '../domain/types.ts'
import { applyMasks, type Mask } from '../moderation/index.ts'
import type { Repos } from '../store/repos.ts'
import { actorRef, chatFor } from './access.ts'
import { changeChat } from './commit.ts'
import type { Deps } from './deps.ts'

export type ModerationAction =
  | { type: 'approve' }
  | { type: 'reject'; reason: string }
  | { type: 'redirect'; guidance?: string | undefined }
  | { type: 'merge'; into: string }
  | { type: 'assign'; expertId: string | null }
  | { type: 'edit'; publicText: string; version: number }
  | { type: 'unmask'; start: number; end: number; version: number }

async function questionInChat(tx: Repos, chatId: string, id: string): Promise<Question> {
  const q = await tx.questions.findById(id)
  if (!q || q.chatId !== chatId) throw notFound('Question')
  return q
}

/**
 * [Q4]–[Q10] A host moderates one question. Each action re-reads the question inside the
 * transaction, so two moderators acting at once get a clear conflict rather than a lost update.
 */
export async function moderate(
  deps: Deps,
  actor: Actor,
  chatSlug: string,
  questionId: string,
  action: ModerationAction,
): Promise<Question> {
  const chat = await chatFor(deps.store.read, actor, chatSlug, 'question.moderate')
  const { result } = await changeChat(deps, chat.id, actorRef(actor), async (tx, at) => {
    const q = await questionInChat(tx, chat.id, questionId)
    switch (action.type) {
      case 'approve': {
        const change = rules.approve(q, at)
        await tx.questions.update(change.question)
        return { result: change.question, events: change.events }
      }
      case 'reject': {
        const change = rules.reject(q, action.reason, at)
        await tx.questions.update(change.question)
        return { result: change.question, events: change.events }
      }
      case 'redirect': {
        const org = await tx.organisations.findById(chat.orgId)
        const change = rules.redirect(q, action.guidance ?? org?.emergencyGuidance ?? '', at)
        await tx.questions.update(change.question)
        return { result: change.question, events: change.events }
      }
      case 'merge': {
        const target = await questionInChat(tx, chat.id, action.into)
        const votes = await tx.reactions.moveVotes(q.id, target.id)
        const change = rules.merge(q, target, votes, at)
        await tx.questions.update(change.question)
        await tx.questions.update(change.target)
        return { result: change.question, events: change.events }
      }
      case 'assign': {
        if (action.expertId) {
          const members = await tx.users.members(chat.orgId)
          if (!members.some((m) => m.userId === action.expertId)) {
            throw invalid(
              'not_a_member',
              'Questions can only be assigned to members of the organisation.',
              'expertId',
            )
          }
        }
        const change = rules.assign(q, action.expertId, at)
        await tx.questions.update(change.question)
        return { result: change.question, events: change.events }
      }
      case 'unmask': {
        const rebuild = (masks: Question['masks']) => applyMasks(q.text, masks as Mask[])
        const change = rules.unmask(q, action, rebuild, action.version, at)
        await tx.questions.update(change.question)
        return { result: change.question, events: change.events }
      }
      case 'edit': {
        const change = rules.editPublicText(q, action.publicText, action.version, at)
        await tx.questions.update(change.question)
        return { result: change.question, events: change.events }
      }
    }
  })
  return result
}
