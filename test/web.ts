import type { Client } from './http.ts'

/** A browser-like form post: url-encoded, as a page with JavaScript off sends it. */
export function postForm(
  client: Client,
  url: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x)
  return client.post(url, body.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    ...headers,
  })
}

/** The CSRF token a staff page carries in its <meta name="csrf-token">. */
export function csrfOf(html: string): string {
  const m = /<meta name="csrf-token" content="([^"]+)">/.exec(html)
  if (!m?.[1]) throw new Error('no csrf meta tag')
  return m[1]
}
