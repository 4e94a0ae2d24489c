import { createHash } from 'node:crypto'
import { assertAcceptsQuestions } from '../domain/chat.ts'
import { conflict, notFound } from '../domain/errors.ts'
import { event } from '../domain/events.ts'
import { checkQuestionText } from '../domain/question.ts'
import type { Chat, Question, Source } from '../domain/types.ts'
import type { QuestionFilter } from '../store/repos/questions.repo.ts'
import type { Repos } from '../store/repos.ts'
import { changeChat } from './commit.ts'
import { type Deps, isoNow } from './deps.ts'

export interface Submission {
  text: string
  authorName?: string | undefined
}

export interface Receipt {
  question: Question
  /** True when this is a retry answered from the first submission. */
  replayed: boolean
  /** [Q12] The organisation's 999/101 guidance, when the question looks like an emergency or a report. */
  guidance: string | null
}

/** [Q12] Someone whose message looks urgent is told where to turn at once, not after moderation. */
async function withGuidance(
  deps: Deps,
  chat: Chat,
  r: Omit<Receipt, 'guidance'>,
): Promise<Receipt> {
  const urgent = r.question.flags.some((f) => f.kind === 'emergency' || f.kind === 'crime_report')
  if (!urgent) return { ...r, guidance: null }
  const org = await deps.store.read.organisations.findById(chat.orgId)
  return { ...r, guidance: org?.emergencyGuidance ?? null }
}

const requestHash = (s: Submission) =>
  createHash('sha256')
    .update(JSON.stringify([s.text, s.authorName ?? null]))
    .digest('base64url')

/** Runs the moderation aids and builds the pending question. */
async function analysed(
  deps: Deps,
  chat: Chat,
  text: string,
  origin: {
    source: Source
    authorName: string | null
    externalId?: string | null
    externalUrl?: string | null
  },
): Promise<Question> {
  const a = await deps.analyse(text, { hashtag: chat.hashtag, theme: chat.theme })
  const now = isoNow(deps)
  return {
    id: deps.newId(),
    chatId: chat.id,
    source: origin.source,
    externalId: origin.externalId ?? null,
    externalUrl: origin.externalUrl ?? null,
    authorName: origin.authorName,
    text,
    publicText: a.maskedText,
    masks: a.masks,
    flags: a.flags,
    kind: a.kind,
    thanks: a.thanks,
    state: 'pending',
    rejectReason: null,
    mergedInto: null,
    assignedTo: null,
    votes: 0,
    version: 1,
    receivedAt: now,
    updatedAt: now,
  }
}

async function replay(
  deps: Deps,
  chatId: string,
  key: string,
  hash: string,
): Promise<Omit<Receipt, 'guidance'> | null> {
  const seen = await deps.store.read.idempotency.find(chatId, key)
  if (!seen) return null
  if (seen.requestHash !== hash) {
    throw conflict(
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different question.',
    )
  }
  const question = await deps.store.read.questions.findById(seen.questionId)
  if (!question) throw notFound('Question')
  return { question, replayed: true }
}

/**
 * [Q1] Checked again inside the transaction, which holds the chat's lock: a question never commits
 * after the clock or a host has closed the chat.
 */
async function assertStillOpen(tx: Repos, chatId: string, at: string): Promise<void> {
  const current = await tx.chats.findById(chatId)
  if (!current) throw notFound('Chat')
  assertAcceptsQuestions(current, at)
}

/** Thrown inside the transaction to roll it back when a concurrent retry took the key first. */
const LOST_RACE = new Error('idempotency key taken by a concurrent retry')

/**
 * [Q1][Q2][Q3] A visitor asks a question on the web. It waits, masked and flagged, for a moderator.
 * With an idempotency key, a retry returns the first question and never makes a second one.
 */
export async function askQuestion(
  deps: Deps,
  chat: Chat,
  input: Submission,
  ctx: { visitorKey: string; idempotencyKey?: string | undefined },
): Promise<Receipt> {
  const text = checkQuestionText(input.text)
  const hash = requestHash(input)
  if (ctx.idempotencyKey) {
    const earlier = await replay(deps, chat.id, ctx.idempotencyKey, hash)
    if (earlier) return withGuidance(deps, chat, earlier)
  }
  assertAcceptsQuestions(chat, isoNow(deps))
  const question = await analysed(deps, chat, text, {
    source: 'web',
    authorName: input.authorName?.trim() || null,
  })
  const key = ctx.idempotencyKey
  const committed = await changeChat(
    deps,
    chat.id,
    `visitor:${ctx.visitorKey.slice(0, 12)}`,
    async (tx, at) => {
      await assertStillOpen(tx, chat.id, at)
      if (key) {
        // A concurrent retry may have committed since the check above.
        const seen = await tx.idempotency.find(chat.id, key)
        if (seen) return { result: null, events: [] }
        await tx.questions.insert(question, ctx.visitorKey)
        // A retry racing on another connection may hold the key uncommitted; if it wins, roll
        // back this question and answer with the winner's.
        if (!(await tx.idempotency.claim(chat.id, key, hash, question.id, at))) throw LOST_RACE
      } else {
        await tx.questions.insert(question, ctx.visitorKey)
      }
      return { result: question, events: [event('question.received', { question })] }
    },
  ).catch((err: unknown) => {
    if (err === LOST_RACE) return { result: null }
    throw err
  })
  const result = committed.result
  if (result) return withGuidance(deps, chat, { question: result, replayed: false })
  const again = await replay(deps, chat.id, ctx.idempotencyKey as string, hash)
  if (!again) throw notFound('Question')
  return withGuidance(deps, chat, again)
}

/**
 * [Q14] The questions a staff member sees for a chat, with their private text, in queue order;
 * each pending one with the questions it probably repeats.
 */
export async function listQuestions(deps: Deps, chat: Chat, filter: QuestionFilter) {
  const questions = await deps.store.read.questions.list(chat.id, filter)
  const pending = questions.filter((q) => q.state === 'pending')
  const similar = await deps.duplicates.similar(chat.id, pending)
  return questions.sort(queueOrder).map((q) => ({ ...q, similar: similar.get(q.id) ?? [] }))
}

/** [Q14] Urgent first: emergencies, then crime reports, then everything else oldest first. */
export function queueOrder(a: Question, b: Question): number {
  const rank = (q: Question) =>
    q.flags.some((f) => f.kind === 'emergency')
      ? 0
      : q.flags.some((f) => f.kind === 'crime_report')
        ? 1
        : 2
  return rank(a) - rank(b) || a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id)
}

export interface NetworkPost {
  source: Exclude<Source, 'web'>
  externalId: string
  externalUrl: string | null
  authorHandle: string
  text: string
}

/**
 * [Q11] A post carrying the chat's hashtag becomes a pending question, once: the (source,
 * external id) pair is unique in the database, so seeing a post again changes nothing.
 */
export async function ingestPost(
  deps: Deps,
  chat: Chat,
  post: NetworkPost,
  actor: string,
): Promise<Question | null> {
  assertAcceptsQuestions(chat, isoNow(deps))
  const text = checkQuestionText(post.text)
  const question = await analysed(deps, chat, text, {
    source: post.source,
    authorName: post.authorHandle,
    externalId: post.externalId,
    externalUrl: post.externalUrl,
  })
  const { result } = await changeChat(deps, chat.id, actor, async (tx, at) => {
    await assertStillOpen(tx, chat.id, at)
    if (await tx.questions.findByExternal(post.source, post.externalId))
      return { result: null, events: [] }
    await tx.questions.insert(question, null)
    return { result: question, events: [event('question.received', { question })] }
  })
  return result
}
