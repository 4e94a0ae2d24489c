import type { FastifyInstance, InjectOptions } from 'fastify'
import { PASSWORD } from './factories.ts'

type Body = InjectOptions['payload']

/** A browser-like client for inject(): keeps cookies and sends the CSRF token once signed in. */
export class Client {
  private cookies = new Map<string, string>()
  csrf: string | null = null

  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    payload?: Body,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload }),
      headers: {
        ...(this.cookies.size
          ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
          : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
    })
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    return res
  }

  /** A second client holding copies of this one's cookies (e.g. a stolen session). */
  clone(): Client {
    const c = new Client(this.app)
    c.cookies = new Map(this.cookies)
    return c
  }

  get = (url: string, headers?: Record<string, string>) =>
    this.request('GET', url, undefined, headers)
  post = (url: string, payload: Body = {}, headers?: Record<string, string>) =>
    this.request('POST', url, payload, headers)
  patch = (url: string, payload: Body, headers?: Record<string, string>) =>
    this.request('PATCH', url, payload, headers)
  put = (url: string, payload: Body, headers?: Record<string, string>) =>
    this.request('PUT', url, payload, headers)
  delete = (url: string, headers?: Record<string, string>) =>
    this.request('DELETE', url, undefined, headers)

  async signIn(email: string, password = PASSWORD) {
    const res = await this.post('/api/v1/session', { email, password })
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`)
    this.csrf = res.json().csrfToken
    return this
  }
}
