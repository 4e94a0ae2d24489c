import type { FastifyInstance } from 'fastify'
import { getPublicChat } from '../../app/chats.ts'
import { publicAnswer, publicFeed } from '../../app/feed.ts'
import { publicOrganisation } from '../../app/organisations.ts'
import { askQuestion } from '../../app/questions.ts'
import { thank, upvote } from '../../app/reactions.ts'
import { directory, publicChatView } from '../../app/views.ts'
import { DomainError, notFound } from '../../domain/errors.ts'
import { STATUS } from '../../http/errors.ts'
import { enforce } from '../../http/rate-limit.ts'
import { visitorKey } from '../../http/session.ts'
import { brandTheme } from '../colour.ts'
import { formString, sendHtml, type WebContext } from '../context.ts'
import { redirect, takeFlash } from '../flash.ts'
import { pageHeaders } from '../security.ts'
import { answerPage } from './answer.page.ts'
import { chatPage } from './chat.page.ts'
import { embedPage } from './embed.page.ts'
import { answersAtom, chatCalendar } from './feeds.ts'
import { landingPage, orgPage } from './org.page.ts'
import { sharePng } from './share-image.ts'

type P<T> = { Params: T }

async function answerView(ctx: WebContext, id: string) {
  const v = await publicAnswer(ctx.deps, id)
  const org = await ctx.deps.store.read.organisations.findById(v.chat.orgId)
  if (!org || v.chat.state === 'draft') throw notFound('Answer')
  return { ...v, org }
}

/** The public side: organisation, chat, answer pages, feeds, embed and the visitor's forms. */
export function publicRoutes(app: FastifyInstance, ctx: WebContext): void {
  const { deps, limits } = ctx

  app.get('/', async (req, reply) => {
    pageHeaders(reply)
    return sendHtml(reply, landingPage(await directory(deps), takeFlash(req, reply)))
  })

  app.get<P<{ org: string }>>('/o/:org', async (req, reply) => {
    const { org, chats } = await publicOrganisation(deps, req.params.org)
    pageHeaders(reply)
    return sendHtml(reply, orgPage(org, chats, deps.now(), takeFlash(req, reply)))
  })

  app.get<P<{ org: string }>>('/o/:org/theme.css', async (req, reply) => {
    const org = await deps.store.read.organisations.findBySlug(req.params.org)
    if (!org) throw notFound('Organisation')
    const t = brandTheme(org.brandColour)
    return reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(`:root{--band:${t.band};--on-band:${t.onBand};--accent:${t.accent}}\n`)
  })

  app.get<P<{ chat: string }>>('/chats/:chat', async (req, reply) => {
    const view = await publicChatView(deps, req.params.chat)
    if (view.chat.state === 'live') {
      const visitor = visitorKey(req, reply, limits.secret)
      deps.audience.viewed({
        chatId: view.chat.id,
        page: 'live',
        itemId: view.chat.id,
        visitorKey: visitor,
      })
    }
    pageHeaders(reply)
    const flash = takeFlash(req, reply)
    return sendHtml(reply, chatPage(view, { now: deps.now(), flash, publicUrl: deps.publicUrl }))
  })

  app.post<P<{ chat: string }>>('/chats/:chat/ask', async (req, reply) => {
    const chat = await getPublicChat(deps, req.params.chat)
    const text = formString(req.body, 'text')
    const authorName = formString(req.body, 'authorName').slice(0, 80)
    const key = formString(req.body, 'idempotencyKey')
    try {
      const visitor = visitorKey(req, reply, limits.secret)
      await enforce(
        limits.limiter,
        [
          { key: `q:v:${visitor}`, limit: limits.questionsPerVisitor },
          { key: `q:ip:${req.ip}`, limit: limits.questionsPerIp },
          { key: `q:c:${chat.id}`, limit: limits.questionsPerChat },
        ],
        limits.windowMs,
      )
      const { question, guidance } = await askQuestion(
        deps,
        chat,
        { text: text.slice(0, 4000), authorName: authorName || undefined },
        {
          visitorKey: visitor,
          idempotencyKey: /^[A-Za-z0-9_.:-]{8,128}$/.test(key) ? key : undefined,
        },
      )
      return redirect(reply, `/chats/${chat.slug}#flash`, {
        kind: 'success',
        title: 'Thank you, your question has been sent',
        body: `A moderator will read it before it appears. It will be shown as: “${question.publicText}”`,
        ...(guidance ? { guidance } : {}),
      })
    } catch (err) {
      if (
        !(err instanceof DomainError) ||
        !['invalid', 'rate_limited', 'conflict'].includes(err.kind)
      )
        throw err
      if (err.details.retryAfterSeconds)
        reply.header('retry-after', String(err.details.retryAfterSeconds))
      const view = await publicChatView(deps, req.params.chat)
      pageHeaders(reply)
      const status = STATUS[err.kind]
      return sendHtml(
        reply,
        chatPage(view, {
          now: deps.now(),
          flash: null,
          publicUrl: deps.publicUrl,
          ask: { text, authorName, errors: [{ field: 'text', message: err.message }] },
        }),
        status,
      )
    }
  })

  const react = async (
    kind: 'vote' | 'thank',
    req: { params: { chat: string; id: string }; body: unknown },
    reply: Parameters<typeof redirect>[0],
    raw: Parameters<typeof visitorKey>[0],
  ) => {
    const chat = await getPublicChat(deps, req.params.chat)
    const visitor = visitorKey(raw, reply, limits.secret)
    await enforce(
      limits.limiter,
      [{ key: `r:v:${visitor}`, limit: limits.reactionsPerVisitor }],
      limits.windowMs,
    )
    const anchor =
      formString(req.body, 'back') === 'answer'
        ? `/answers/${req.params.id}`
        : `/chats/${chat.slug}`
    try {
      if (kind === 'vote') await upvote(deps, req.params.id, visitor)
      else await thank(deps, req.params.id, visitor)
      return redirect(reply, anchor, {
        kind: 'success',
        title:
          kind === 'vote'
            ? 'Thank you, your upvote counts'
            : 'Thank you, your thanks has been passed on',
      })
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'conflict')
        return redirect(reply, anchor, { kind: 'info', title: err.message })
      throw err
    }
  }

  app.post<P<{ chat: string; id: string }>>('/chats/:chat/questions/:id/upvote', (req, reply) =>
    react('vote', req, reply, req),
  )
  app.post<P<{ chat: string; id: string }>>('/chats/:chat/answers/:id/thank', (req, reply) =>
    react('thank', req, reply, req),
  )

  app.get<P<{ id: string }>>('/answers/:id', async (req, reply) => {
    const v = await answerView(ctx, req.params.id)
    const visitor = visitorKey(req, reply, limits.secret)
    deps.audience.viewed({
      chatId: v.chat.id,
      page: 'answer',
      itemId: v.answer.id,
      visitorKey: visitor,
    })
    pageHeaders(reply)
    return sendHtml(
      reply,
      answerPage(v, { publicUrl: deps.publicUrl, flash: takeFlash(req, reply) }),
    )
  })

  app.get<P<{ id: string }>>('/answers/:id/share.png', async (req, reply) => {
    const v = await answerView(ctx, req.params.id)
    return reply
      .header('content-type', 'image/png')
      .header('cache-control', 'public, max-age=3600')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(sharePng(v))
  })

  app.get<P<{ chat: string }>>('/chats/:chat/calendar.ics', async (req, reply) => {
    const chat = await getPublicChat(deps, req.params.chat)
    const org = await deps.store.read.organisations.findById(chat.orgId)
    if (!org) throw notFound('Chat')
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${chat.slug}.ics"`)
      .send(chatCalendar(org, chat, deps.publicUrl))
  })

  app.get<P<{ chat: string }>>('/chats/:chat/answers.atom', async (req, reply) => {
    const chat = await getPublicChat(deps, req.params.chat)
    const org = await deps.store.read.organisations.findById(chat.orgId)
    if (!org) throw notFound('Chat')
    const { items } = await publicFeed(deps, chat)
    return reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(answersAtom(org, chat, items, deps.publicUrl))
  })

  app.get<P<{ chat: string }>>('/chats/:chat/embed', async (req, reply) => {
    const view = await publicChatView(deps, req.params.chat)
    pageHeaders(reply, true)
    return sendHtml(reply, embedPage(view, deps.publicUrl))
  })
}
