import pg from 'pg'
import type { Logger } from 'pino'

/**
 * Who runs the run-once work (the chat clock; later, network connectors). Exactly one process
 * leads at a time; when it dies another takes over.
 */
export interface Leadership {
  isLeader(): boolean
  /** Calls `handler` whenever this process gains or loses the lead; returns an unsubscribe. */
  onChange(handler: (leader: boolean) => void): () => void
  /** Gives up the lead (if held) and stops competing for it. */
  close(): Promise<void>
}

/** The embedded mode has one process, so it always leads. */
export function soleLeadership(): Leadership {
  return { isLeader: () => true, onChange: () => () => {}, close: async () => {} }
}

export interface AdvisoryLeadershipOptions {
  /** What is led; processes competing for the same name share one lock. */
  name: string
  /** How often a follower tries to take the lead and the leader checks it still holds it. */
  intervalMs: number
  log: Pick<Logger, 'info' | 'warn'>
}

/**
 * Leadership held by a PostgreSQL session advisory lock on a connection of its own. The server
 * drops the lock when that connection ends, so a killed leader frees it at once and a follower
 * takes it at its next attempt. A leader whose connection fails stops leading before reconnecting.
 * The connection's `application_name` names the process, so operators can see who leads.
 */
export function advisoryLeadership(url: string, opts: AdvisoryLeadershipOptions): Leadership {
  const handlers = new Set<(leader: boolean) => void>()
  let client: pg.Client | null = null
  let leader = false
  let closed = false
  let timer: NodeJS.Timeout | null = null

  const set = (now: boolean) => {
    if (now === leader) return
    leader = now
    opts.log.info({ lead: opts.name, leader }, leader ? 'took the lead' : 'lost the lead')
    for (const h of handlers) h(leader)
  }

  const drop = (c: pg.Client | null) => {
    if (c && client === c) client = null
    c?.end().catch(() => {})
    set(false)
  }

  const attempt = async () => {
    let c = client
    try {
      if (!c) {
        c = new pg.Client({
          connectionString: url,
          application_name: `askhour-${opts.name}-${process.pid}`,
          connectionTimeoutMillis: 3000,
          keepAlive: true,
        })
        const mine = c
        mine.on('error', (err) => {
          opts.log.warn({ err, lead: opts.name }, 'leadership connection lost')
          drop(mine)
        })
        await mine.connect()
        if (closed) return void (await mine.end())
        client = mine
      }
      if (leader) {
        await c.query('select 1')
      } else {
        const r = await c.query<{ ok: boolean }>(
          "select pg_try_advisory_lock(hashtext('askhour:' || $1)) as ok",
          [opts.name],
        )
        if (!closed) set(r.rows[0]?.ok === true)
      }
    } catch (err) {
      if (leader) opts.log.warn({ err, lead: opts.name }, 'leadership check failed')
      drop(c)
    }
  }

  const loop = async () => {
    await attempt()
    if (!closed) timer = setTimeout(loop, opts.intervalMs).unref()
  }
  void loop()

  return {
    isLeader: () => leader,
    onChange(handler) {
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      const c = client
      client = null
      set(false)
      // Ending the session releases the lock.
      await c?.end().catch(() => {})
    },
  }
}
