import type { Deps } from '../app/deps.ts'
import type { ChatEvent } from '../domain/events.ts'
import type { Chat } from '../domain/types.ts'
import type { ChatNetworkRow } from '../store/repos/connectors.repo.ts'
import type { Connector, Network, PostRef } from './connector.ts'
import { answerTail, splitThread } from './thread.ts'

export interface OutboxContext {
  deps: Deps
  chat: Chat
  connectors: ReadonlyMap<Network, Connector>
  switches: ChatNetworkRow[]
  /** Until when the reach of a post made now is counted. */
  reachUntil: string
}

/**
 * [N7][N8][N9] Answers back for one event of the chat's log: a published answer to a network
 * question becomes a reply (a thread if long) under the original post, ending with the hashtag and
 * the answer's permanent page; a redirect can send the guidance. Every post is recorded as soon
 * as it is made, so after a crash the thread continues where it stopped.
 */
export async function answerBack(ctx: OutboxContext, e: ChatEvent): Promise<void> {
  if (e.type === 'answer.published') {
    const { answer } = e.data
    const tail = answerTail(ctx.chat.hashtag, ctx.deps.publicUrl, answer.id)
    await replyTo(ctx, answer.questionId, answer.id, 'answer', answer.body, tail, 'answerBack')
  } else if (e.type === 'question.redirected' && e.data.guidance.trim()) {
    await replyTo(
      ctx,
      e.data.questionId,
      null,
      'redirect',
      e.data.guidance,
      ctx.chat.hashtag,
      'redirectReplies',
    )
  }
}

async function replyTo(
  ctx: OutboxContext,
  questionId: string,
  answerId: string | null,
  kind: 'answer' | 'redirect',
  body: string,
  tail: string,
  flag: 'answerBack' | 'redirectReplies',
): Promise<void> {
  const { deps } = ctx
  const q = await deps.store.read.questions.findById(questionId)
  if (!q?.externalId) return
  const network = q.source as Network
  const connector = ctx.connectors.get(network)
  const sw = ctx.switches.find((s) => s.network === network)
  if (!connector || !sw?.enabled || !sw[flag]) return
  const origin = await deps.store.read.connectors.inboundRef(network, q.externalId)
  if (!origin) return
  const parts = splitThread(body, tail, connector.maxLength, connector.measure)
  const done = await deps.store.read.connectors.posts(q.id, network, kind)
  let parent: PostRef = done.at(-1)?.ref ?? origin
  for (let part = done.length + 1; part <= parts.length; part++) {
    const text = parts[part - 1] as string
    const posted = await connector.reply(text, parent, origin)
    await deps.store.transaction((tx) =>
      tx.connectors.recordPost({
        id: deps.newId(),
        chatId: ctx.chat.id,
        questionId: q.id,
        answerId,
        network,
        kind,
        part,
        externalId: posted.externalId,
        url: posted.url,
        ref: posted.ref,
        postedAt: deps.now().toISOString(),
        reachUntil: ctx.reachUntil,
      }),
    )
    parent = posted.ref
  }
  if (parts.length > done.length) {
    deps.log.info({ chatId: ctx.chat.id, questionId, network, kind }, 'answered back on network')
  }
}
