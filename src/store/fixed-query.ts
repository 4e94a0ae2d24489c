import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely'
import type { Database } from './schema.ts'
import type { Store } from './store.ts'

type Values = Record<string, unknown>

/**
 * A query whose shape never changes, built and compiled by Kysely once per dialect; a call only
 * binds its values. Building and compiling a short query takes longer than SQLite takes to run it
 * (~8 µs against ~3 µs here), and a vote or a question runs several: a quarter of a vote's CPU was
 * the query builder. Every value must reach the SQL as a bound parameter, unchanged (checked when
 * the query is first compiled).
 */
export function fixedQuery<V extends Values, R>(
  build: (db: Kysely<Database>, values: V) => Compilable<R>,
): (db: Kysely<Database>, dialect: Store['dialect'], values: V) => Promise<QueryResult<R>> {
  const compiled = new Map<Store['dialect'], { query: CompiledQuery<R>; slots: string[] }>()
  return async (db, dialect, values) => {
    let c = compiled.get(dialect)
    if (!c) {
      c = compile(db, build, Object.keys(values))
      compiled.set(dialect, c)
    }
    const { query, slots } = c
    const parameters = query.parameters.map((p, i) => {
      const key = slots[i] as string
      return key === '' ? p : values[key]
    })
    return db.executeQuery({ ...query, parameters })
  }
}

const MARK = '\u0000fixed:'

function compile<V extends Values, R>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, values: V) => Compilable<R>,
  keys: string[],
) {
  const marks = Object.fromEntries(keys.map((k) => [k, `${MARK}${k}`])) as V
  const query = build(db, marks).compile()
  const slots = query.parameters.map((p) =>
    typeof p === 'string' && p.startsWith(MARK) ? p.slice(MARK.length) : '',
  )
  const missing = keys.filter((k) => !slots.includes(k))
  if (missing.length > 0) {
    throw new Error(`fixedQuery: ${missing.join(', ')} not bound as parameters in ${query.sql}`)
  }
  return { query, slots }
}
