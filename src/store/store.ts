import type { Repos } from './repos.ts'

/**
 * The source of truth. Writes go through `transaction`: everything a use case writes there
 * commits together or not at all. SQLite and PostgreSQL implement it with the same queries.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres'
  /** Repositories for reads outside a transaction. */
  readonly read: Repos
  transaction<T>(fn: (tx: Repos) => Promise<T>): Promise<T>
  /** Whether the database answers right now (for /readyz). */
  ping(): Promise<boolean>
  close(): Promise<void>
}
