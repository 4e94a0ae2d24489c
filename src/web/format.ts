/** Times and numbers as people in the organisation read them (en-GB, the organisation's zone). */

const cache = new Map<string, Intl.DateTimeFormat>()

function fmt(timeZone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(opts)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, ...opts })
    cache.set(key, f)
  }
  return f
}

/** "Tuesday 1 December 2026 at 18:00 GMT" */
export function longDateTime(iso: string, timeZone: string): string {
  const d = new Date(iso)
  const date = fmt(timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  const time = fmt(timeZone, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })
  return `${date.format(d).replace(',', '')} at ${time.format(d)}`
}

/** "1 Dec 2026, 18:00" */
export function shortDateTime(iso: string, timeZone: string): string {
  return fmt(timeZone, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
}

/** "18:05" */
export function clockTime(iso: string, timeZone: string): string {
  return fmt(timeZone, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
}

/** "18:00 to 20:00" on the chat's day. */
export function timeRange(startIso: string, endIso: string, timeZone: string): string {
  return `${clockTime(startIso, timeZone)} to ${clockTime(endIso, timeZone)}`
}

/** A duration in words: "1 hour 5 minutes", "3 days". */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '')
  if (days) return [part(days, 'day'), part(hours, 'hour')].filter(Boolean).join(' ')
  if (hours) return [part(hours, 'hour'), part(mins, 'minute')].filter(Boolean).join(' ')
  return part(mins, 'minute') || 'less than a minute'
}

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/** The value for an `<input type="datetime-local">` showing `iso` in `timeZone`. */
export function toLocalInput(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    fmt(timeZone, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

/** Reads a wall-clock time typed in `timeZone` (datetime-local) as a UTC instant. */
export function fromLocalInput(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim())
  if (!m) return null
  const [, y, mo, d, h, mi] = m.map(Number) as number[]
  const asUtc = Date.UTC(y as number, (mo as number) - 1, d, h, mi)
  // The zone's offset at that moment, found by showing the UTC guess in the zone; twice for DST edges.
  let guess = asUtc
  for (let i = 0; i < 2; i++) {
    const shown = toLocalInput(new Date(guess).toISOString(), timeZone)
    const [sd, st] = shown.split('T') as [string, string]
    const [sy, smo, sdd] = sd.split('-').map(Number) as [number, number, number]
    const [sh, smi] = st.split(':').map(Number) as [number, number]
    guess += asUtc - Date.UTC(sy, smo - 1, sdd, sh, smi)
  }
  return new Date(guess).toISOString()
}
