import { DEFAULT_THRESHOLD, DuplicateIndex } from './duplicates.ts'

export interface GroupableMessage {
  id: string
  text: string
}

/**
 * Groups messages that ask the same thing, for a moderator's "merge these" action. Pairs above
 * the threshold are linked; groups are the connected parts with two or more members, each
 * listed in input order.
 */
export function groupDuplicates(
  messages: readonly GroupableMessage[],
  threshold = DEFAULT_THRESHOLD,
): string[][] {
  const index = new DuplicateIndex()
  for (const m of messages) index.add(m.id, m.text)
  const parent = new Map<string, string>()
  const find = (id: string): string => {
    let root = id
    while (parent.get(root) !== undefined && parent.get(root) !== root)
      root = parent.get(root) ?? root
    parent.set(id, root)
    return root
  }
  for (const m of messages) parent.set(m.id, m.id)
  for (const m of messages) {
    for (const hit of index.similarToId(m.id, { threshold, limit: 50 })) {
      const a = find(m.id)
      const b = find(hit.id)
      if (a !== b) parent.set(b, a)
    }
  }
  const groups = new Map<string, string[]>()
  for (const m of messages) {
    const root = find(m.id)
    const group = groups.get(root) ?? []
    group.push(m.id)
    groups.set(root, group)
  }
  return [...groups.values()].filter((g) => g.length > 1)
}
