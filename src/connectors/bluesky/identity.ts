/**
 * Turns a DID into its handle through the PLC directory (or the domain's did.json for did:web),
 * remembering answers. A lookup that fails gives null: the question then shows the DID.
 */
export function handleResolver(plcUrl: string, max = 10_000) {
  const cache = new Map<string, string | null>()
  return async (did: string): Promise<string | null> => {
    if (cache.has(did)) return cache.get(did) ?? null
    let handle: string | null = null
    try {
      const url = did.startsWith('did:web:')
        ? `https://${decodeURIComponent(did.slice(8))}/.well-known/did.json`
        : `${plcUrl.replace(/\/$/, '')}/${encodeURIComponent(did)}`
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (res.ok) {
        const doc = (await res.json()) as { alsoKnownAs?: unknown }
        const aka = Array.isArray(doc.alsoKnownAs) ? doc.alsoKnownAs : []
        const first = aka.find((a): a is string => typeof a === 'string' && a.startsWith('at://'))
        handle = first ? first.slice(5) : null
      }
    } catch {
      return null
    }
    if (cache.size >= max) cache.clear()
    cache.set(did, handle)
    return handle
  }
}
