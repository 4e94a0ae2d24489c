import type { IncomingPost } from '../connector.ts'

/** The fields of a Mastodon status Askhour reads, as masto.js gives them (camelCase). */
export interface StatusLike {
  id: string
  uri: string
  url?: string | null
  createdAt: string
  content: string
  visibility: string
  reblog?: unknown
  tags?: ReadonlyArray<{ name: string }>
  account: { acct: string; url?: string }
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** Mastodon sends status text as HTML; questions are plain text with the same line breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code =
          e[1]?.toLowerCase() === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))
        return Number.isFinite(code) ? String.fromCodePoint(code) : m
      }
      return ENTITIES[e.toLowerCase()] ?? m
    })
    .trim()
}

/** `user@host` for every account (local accounts come without their host). */
export const fullAcct = (acct: string, instanceUrl: string) =>
  acct.includes('@') ? acct : `${acct}@${new URL(instanceUrl).host}`

/**
 * [N1] A public Mastodon status tagged with the chat's hashtag becomes an incoming question; boosts,
 * non-public statuses and other tags are null. Its id is the status URI, the same on every
 * instance, so one status seen on two instances is one question.
 */
export function statusToQuestion(
  status: StatusLike,
  tag: string,
  instanceUrl: string,
): IncomingPost | null {
  if (status.reblog) return null
  if (status.visibility !== 'public' && status.visibility !== 'unlisted') return null
  if (!(status.tags ?? []).some((t) => t.name.toLowerCase() === tag)) return null
  const acct = fullAcct(status.account.acct, instanceUrl)
  return {
    source: 'mastodon',
    externalId: status.uri,
    externalUrl: status.url ?? status.uri,
    authorHandle: `@${acct}`,
    authorId: acct,
    text: htmlToText(status.content),
    postedAt: new Date(status.createdAt).toISOString(),
    ref: { instance: instanceUrl, id: status.id, uri: status.uri },
  }
}

/** Mastodon ids are decimal strings that grow with time; compares them without losing digits. */
export function newerId(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null
  if (!b) return a
  if (a.length !== b.length) return a.length > b.length ? a : b
  return a > b ? a : b
}
