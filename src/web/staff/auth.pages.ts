import type { FastifyInstance } from 'fastify'
import { acceptInvite, completeSetup, login, logout, startSession } from '../../app/accounts.ts'
import { DomainError } from '../../domain/errors.ts'
import { AcceptInviteBody, SetupBody } from '../../http/api/accounts.routes.ts'
import { enforce, signInLimits } from '../../http/rate-limit.ts'
import { clearSessionCookie, requireStaff, setSessionCookie } from '../../http/session.ts'
import { formString, sendHtml, type WebContext } from '../context.ts'
import { type Flash, redirect, takeFlash } from '../flash.ts'
import { formErrors } from '../form-errors.ts'
import { html, type SafeHtml } from '../html.ts'
import { errorSummary, type FieldError, field } from '../layout/components.ts'
import { page } from '../layout/page.ts'
import { pageHeaders } from '../security.ts'

const safeNext = (next: string) => (/^\/(?!\/)[\w\-/.?=&%]*$/.test(next) ? next : '/staff')

function signInPage(opts: {
  email?: string
  next: string
  errors?: FieldError[]
  flash?: Flash | null
}): SafeHtml {
  const errors = opts.errors ?? []
  return page({
    title: 'Sign in – Askhour',
    flash: opts.flash ?? null,
    body: html`<div class="narrow">
<h1>Sign in</h1>
<p>For staff of organisations that run chats on Askhour.</p>
${errorSummary(errors)}
<form method="post" action="/staff/sign-in" novalidate>
  <input type="hidden" name="next" value="${opts.next}">
  ${field({ name: 'email', label: 'Email address', type: 'email', value: opts.email ?? '', autocomplete: 'username', errors })}
  ${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', errors })}
  <button type="submit">Sign in</button>
</form>
<p>New here? Ask an admin of your organisation for an invitation link.</p>
</div>`,
  })
}

const messageOf = (err: unknown) =>
  err instanceof DomainError ? err.message : 'Something went wrong.'

/** Fields from a DomainError: its field, or the one named. */
function fieldError(err: unknown, fallback: string): FieldError[] {
  if (!(err instanceof DomainError)) throw err
  const field = (err.details.field ?? fallback).replace(/^body\./, '')
  return [{ field, message: err.message }]
}

function accountForm(opts: {
  title: string
  intro: string
  action: string
  token: string
  withOrg: boolean
  values: Record<string, string>
  errors: FieldError[]
}): SafeHtml {
  const v = opts.values
  const errors = opts.errors
  return page({
    title: `${opts.title} – Askhour`,
    body: html`<div class="narrow">
<h1>${opts.title}</h1>
<p class="lead">${opts.intro}</p>
${errorSummary(errors)}
<form method="post" action="${opts.action}" novalidate>
  <input type="hidden" name="token" value="${opts.token}">
  ${opts.withOrg ? field({ name: 'orgName', label: 'Organisation name', hint: 'For example, Greater Mallow Police', value: v.orgName, errors }) : ''}
  ${opts.withOrg ? field({ name: 'orgSlug', label: 'Web address of your organisation page', hint: 'Lowercase letters, digits and hyphens, for example greater-mallow-police', value: v.orgSlug, errors }) : ''}
  ${field({ name: 'name', label: 'Your name', hint: 'Shown with the answers you publish.', value: v.name, autocomplete: 'name', errors })}
  ${opts.withOrg ? field({ name: 'email', label: 'Email address', type: 'email', value: v.email, autocomplete: 'username', errors }) : ''}
  ${field({ name: 'password', label: 'Choose a password', hint: 'At least 12 characters. A few random words work well.', type: 'password', autocomplete: 'new-password', errors })}
  <button type="submit">${opts.withOrg ? 'Create the account' : 'Join'}</button>
</form>
</div>`,
  })
}

const LINK = {
  field: 'password',
  message: 'This link is incomplete: open it again from the message you were sent',
}
const NAME = { field: 'name', message: 'Enter your name (up to 120 characters)' }
const PASSWORD = { field: 'password', message: 'Use 12 to 200 characters' }

/** The API's setup fields, as the setup form names and explains them. */
const SETUP_FIELDS = {
  token: LINK,
  'organisation.name': {
    field: 'orgName',
    message: 'Enter the name of your organisation (up to 120 characters)',
  },
  'organisation.slug': {
    field: 'orgSlug',
    message: 'Use 2–63 lowercase letters, digits and hyphens',
  },
  name: NAME,
  email: { field: 'email', message: 'Enter an email address like name@example.org' },
  password: PASSWORD,
}

const INVITE_FIELDS = { token: LINK, name: NAME, password: PASSWORD }

/** Sign in and out, the first-admin setup link and invitation links. */
export function authRoutes(app: FastifyInstance, { deps, limits }: WebContext): void {
  app.get<{ Querystring: { next?: string } }>('/staff/sign-in', async (req, reply) => {
    if (req.staff) return redirect(reply, safeNext(req.query.next ?? '/staff'))
    pageHeaders(reply)
    return sendHtml(
      reply,
      signInPage({ next: safeNext(req.query.next ?? '/staff'), flash: takeFlash(req, reply) }),
    )
  })

  app.post('/staff/sign-in', async (req, reply) => {
    const email = formString(req.body, 'email').trim().toLowerCase()
    const next = safeNext(formString(req.body, 'next') || '/staff')
    pageHeaders(reply)
    try {
      await enforce(limits.limiter, signInLimits(req.ip, email), limits.windowMs)
      const s = await login(deps, email, formString(req.body, 'password'))
      setSessionCookie(reply, s.sessionId, s.maxAgeSeconds)
      return redirect(reply, next)
    } catch (err) {
      const errors = [{ field: 'email', message: messageOf(err) }]
      const status = err instanceof DomainError && err.kind === 'rate_limited' ? 429 : 401
      if (err instanceof DomainError && err.details.retryAfterSeconds) {
        reply.header('retry-after', String(err.details.retryAfterSeconds))
      }
      return sendHtml(reply, signInPage({ email, next, errors }), status)
    }
  })

  app.post('/staff/sign-out', async (req, reply) => {
    requireStaff(req)
    await logout(deps, req.staff?.sessionId ?? '')
    clearSessionCookie(reply)
    return redirect(reply, '/staff/sign-in', { kind: 'success', title: 'You have signed out' })
  })

  app.get<{ Querystring: { token?: string } }>('/setup', async (req, reply) => {
    pageHeaders(reply)
    return sendHtml(
      reply,
      accountForm({
        title: 'Set up Askhour',
        intro: 'Create the first admin account and your organisation. This link works once.',
        action: '/setup',
        token: req.query.token ?? '',
        withOrg: true,
        values: {},
        errors: [],
      }),
    )
  })

  app.post('/setup', async (req, reply) => {
    const b = (n: string) => formString(req.body, n).trim()
    const values = {
      orgName: b('orgName'),
      orgSlug: b('orgSlug'),
      name: b('name'),
      email: b('email'),
    }
    pageHeaders(reply)
    const form = (errs: FieldError[]) =>
      accountForm({
        title: 'Set up Askhour',
        intro: 'Create the first admin account and your organisation.',
        action: '/setup',
        token: b('token'),
        withOrg: true,
        values,
        errors: errs,
      })
    const parsed = SetupBody.safeParse({
      token: b('token'),
      email: values.email,
      name: values.name,
      password: formString(req.body, 'password'),
      organisation: { name: values.orgName, slug: values.orgSlug },
    })
    if (!parsed.success) return sendHtml(reply, form(formErrors(parsed.error, SETUP_FIELDS)), 400)
    try {
      const { userId, org } = await completeSetup(deps, parsed.data)
      const s = await startSession(deps, userId)
      setSessionCookie(reply, s.sessionId, s.maxAgeSeconds)
      return redirect(reply, `/staff/o/${org.slug}/settings`, {
        kind: 'success',
        title: 'Welcome to Askhour',
        body: 'Check your organisation’s settings, then invite your colleagues.',
      })
    } catch (err) {
      return sendHtml(reply, form(fieldError(err, 'orgSlug')), 400)
    }
  })

  app.get<{ Querystring: { token?: string } }>('/invite', async (req, reply) => {
    pageHeaders(reply)
    return sendHtml(
      reply,
      accountForm({
        title: 'Join your organisation on Askhour',
        intro:
          'Choose your name and a password. If you already have an account, enter its password.',
        action: '/invite',
        token: req.query.token ?? '',
        withOrg: false,
        values: {},
        errors: [],
      }),
    )
  })

  app.post('/invite', async (req, reply) => {
    const name = formString(req.body, 'name').trim()
    const token = formString(req.body, 'token')
    pageHeaders(reply)
    const form = (errors: FieldError[]) =>
      accountForm({
        title: 'Join your organisation on Askhour',
        intro: 'Choose your name and a password.',
        action: '/invite',
        token,
        withOrg: false,
        values: { name },
        errors,
      })
    const parsed = AcceptInviteBody.safeParse({
      token,
      name,
      password: formString(req.body, 'password'),
    })
    if (!parsed.success) return sendHtml(reply, form(formErrors(parsed.error, INVITE_FIELDS)), 400)
    try {
      const { userId } = await acceptInvite(deps, parsed.data)
      const s = await startSession(deps, userId)
      setSessionCookie(reply, s.sessionId, s.maxAgeSeconds)
      return redirect(reply, '/staff', { kind: 'success', title: 'Welcome, you have joined' })
    } catch (err) {
      return sendHtml(reply, form(fieldError(err, 'password')), 400)
    }
  })
}
