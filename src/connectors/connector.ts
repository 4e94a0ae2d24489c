import type { Logger } from 'pino'
import type { ZodType } from 'zod'
import type { IncomingNetworkPost, Network } from '../app/connectors.ts'
import type { Instant } from '../domain/types.ts'

export { NETWORKS, type Network } from '../app/connectors.ts'

/** What replying to a post on its network needs (ids, content hashes); stored as JSON. */
export type PostRef = Record<string, unknown>

/** A network post carrying the chat's hashtag, turned into an incoming question. */
export interface IncomingPost extends IncomingNetworkPost {
  /** The author's stable id on the network, to recognise the organisation's own posts. */
  authorId: string
}

export type StreamItem =
  | { type: 'post'; post: IncomingPost }
  | { type: 'deleted'; externalId: string }

export interface IngestContext {
  /** The chat's hashtag without `#`, lower-cased. */
  hashtag: string
  /** Where the last run stopped, as this connector wrote it; null on the first run. */
  cursor: string | null
  signal: AbortSignal
  /**
   * Hands over what the stream delivered, in order, and the position just after it. The runner
   * stores the position only once the items are saved, so a restart resumes with no gap.
   */
  emit(items: StreamItem[], cursor: string | null, positionAt?: Instant): Promise<void>
  /** The stream is open (also called on heartbeats, so a quiet hashtag still reads "connected"). */
  alive(positionAt?: Instant): void
}

/** A post the organisation published on a network. */
export interface PublishedPost {
  externalId: string
  url: string | null
  ref: PostRef
}

export interface Reach {
  reposts: number
  likes: number
  replies: number
}

/** One network account at work for one chat. */
export interface Connector {
  readonly network: Network
  /** How long one post may be, measured the network's way. */
  readonly maxLength: number
  measure(text: string): number
  /**
   * Reads posts with the hashtag until `signal` aborts, resuming from `ctx.cursor`. Throws when
   * the stream fails; the runner backs off (honouring `RateLimited`) and calls it again.
   */
  ingest(ctx: IngestContext): Promise<void>
  /** Posts `text` as a reply to `parent`, in the thread started by `root`. */
  reply(text: string, parent: PostRef, root: PostRef): Promise<PublishedPost>
  /** Counts reposts, likes and replies of the organisation's posts, by external id. */
  reach?(posts: PublishedPost[]): Promise<Map<string, Reach>>
  /** Which of these ingested posts no longer exist (for networks whose streams omit deletions). */
  gone?(posts: Array<{ externalId: string; ref: PostRef }>): Promise<string[]>
  close(): Promise<void>
}

/** Who the connected account is on its network, learnt when the credentials are checked. */
export interface AccountIdentity {
  userId: string
  handle: string
}

/** How this deployment reaches each network; from configuration (tests point them at loopback). */
export interface ConnectorSettings {
  bluesky: {
    /** `jetstream` (JSON, light) or `firehose` (com.atproto.sync.subscribeRepos of a relay or PDS). */
    stream: 'jetstream' | 'firehose'
    streamUrl: string
    /** Where DIDs are turned into handles. */
    plcUrl: string
    /** Where reposts, likes and replies are counted (app.bsky.feed.getPosts). */
    appViewUrl: string
  }
  mastodon: {
    /** How often the timeline fallback polls, and the deletion sweep runs, when streaming fails. */
    pollMs: number
  }
  x: {
    /** How often recent search polls (its limits allow about one request every 2–15 s). */
    pollMs: number
    /** For tests: another API root than https://api.x.com, and an agent trusting its certificate. */
    apiRoot?: string
    agent?: import('node:https').Agent
  }
}

export interface ConnectorDeps<C> {
  credentials: C
  settings: ConnectorSettings
  log: Logger
  /** Who the account is, as checked when it was connected; its own posts are never questions. */
  identity: AccountIdentity | null
}

/** STYLE rule 9: a connector is a folder exporting its id, its credential schema and a factory. */
export interface ConnectorModule<C = unknown> {
  id: Network
  /** The credentials an organisation enters; stored encrypted, never shown again. */
  configSchema: ZodType<C>
  create(deps: ConnectorDeps<C>): Connector
  /** Signs in with the credentials and says who they belong to; throws if they do not work. */
  verify(credentials: C, settings: ConnectorSettings): Promise<AccountIdentity>
}

/** The network asked us to slow down; wait at least `retryAfterMs` before asking again. */
export class RateLimited extends Error {
  constructor(
    readonly retryAfterMs: number,
    message = 'rate limited',
  ) {
    super(message)
    this.name = 'RateLimited'
  }
}

/** Lower-cases a chat hashtag and drops the `#`, the form networks use in tags. */
export const tagOf = (hashtag: string) => hashtag.replace(/^#/, '').toLowerCase()
