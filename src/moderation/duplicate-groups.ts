import { DUPLICATE_MODEL, type DuplicateModel } from './duplicate-model.ts'
import { DuplicateIndex } from './duplicates.ts'

export interface GroupableMessage {
  id: string
  text: string
}

/**
 * Average-linkage threshold for `groupDuplicates`, on the pair scorer's probability: the best
 * pooled F1 over the twelve labelled chats (`scripts/train-dup-model.ts`). Leave-one-chat-out,
 * the threshold fitted on eleven chats lands between 0.4 and 0.55 (docs/moderation.md).
 */
export const GROUP_THRESHOLD = 0.45

// Neighbours considered per message; the average of a bigger cluster with a message outside
// these lists is diluted by the zeros anyway.
const NEIGHBOURS = 50
// Pairs the scorer gives less than this count as 0 in a cluster's mean.
const LINK_MIN = 0.01

interface Cluster {
  members: string[]
  /** Sum of pair similarities to each neighbouring cluster, by cluster number. */
  links: Map<number, number>
  alive: boolean
}

/**
 * Groups messages that ask the same thing, for a moderator's "merge these" action. Agglomerative
 * clustering with average linkage: two clusters merge while the mean similarity over all their
 * cross pairs is at least `threshold`, so one loose pair cannot chain unrelated questions
 * together. Groups have two or more members, each listed in input order.
 */
export function groupDuplicates(
  messages: readonly GroupableMessage[],
  threshold = GROUP_THRESHOLD,
  model: DuplicateModel = DUPLICATE_MODEL,
): string[][] {
  const index = new DuplicateIndex(model)
  for (const m of messages) index.add(m.id, m.text)
  const order = new Map<string, number>()
  const clusters: Cluster[] = []
  for (const m of messages) {
    if (order.has(m.id)) continue
    order.set(m.id, clusters.length)
    clusters.push({ members: [m.id], links: new Map(), alive: true })
  }
  const heap = new MaxHeap()
  for (const [id, a] of order) {
    for (const hit of index.similarToId(id, { threshold: LINK_MIN, limit: NEIGHBOURS })) {
      const b = order.get(hit.id)
      if (b === undefined || b === a) continue
      const ca = clusters[a] as Cluster
      if (ca.links.has(b)) continue
      ca.links.set(b, hit.score)
      ;(clusters[b] as Cluster).links.set(a, hit.score)
      if (hit.score >= threshold) heap.push(hit.score, a, b, 1, 1)
    }
  }
  for (let top = heap.pop(); top; top = heap.pop()) {
    const [, a, b, sizeA, sizeB] = top
    const ca = clusters[a] as Cluster
    const cb = clusters[b] as Cluster
    // Stale entry: one side has merged since it was queued.
    if (!ca.alive || !cb.alive || ca.members.length !== sizeA || cb.members.length !== sizeB)
      continue
    merge(clusters, a, b, threshold, heap)
  }
  return clusters
    .filter((c) => c.alive && c.members.length > 1)
    .map((c) => c.members.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0)))
    .sort((x, y) => (order.get(x[0] ?? '') ?? 0) - (order.get(y[0] ?? '') ?? 0))
}

/** Folds cluster b into a and queues a's new averages with its neighbours. */
function merge(clusters: Cluster[], a: number, b: number, threshold: number, heap: MaxHeap): void {
  const ca = clusters[a] as Cluster
  const cb = clusters[b] as Cluster
  cb.alive = false
  ca.members.push(...cb.members)
  ca.links.delete(b)
  for (const [n, sum] of cb.links) {
    if (n === a) continue
    ca.links.set(n, (ca.links.get(n) ?? 0) + sum)
  }
  cb.links.clear()
  for (const [n, sum] of ca.links) {
    const cn = clusters[n] as Cluster
    cn.links.delete(b)
    cn.links.set(a, sum)
    const mean = sum / (ca.members.length * cn.members.length)
    if (mean >= threshold) heap.push(mean, a, n, ca.members.length, cn.members.length)
  }
}

type Entry = [score: number, a: number, b: number, sizeA: number, sizeB: number]

/** A binary max-heap of candidate merges, ordered by score. */
class MaxHeap {
  readonly #items: Entry[] = []

  push(...entry: Entry): void {
    const items = this.#items
    items.push(entry)
    let i = items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if ((items[parent] as Entry)[0] >= entry[0]) break
      items[i] = items[parent] as Entry
      i = parent
    }
    items[i] = entry
  }

  pop(): Entry | undefined {
    const items = this.#items
    const top = items[0]
    const last = items.pop()
    if (!top || !last || items.length === 0) return top
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= items.length) break
      const r = l + 1
      const c = r < items.length && (items[r] as Entry)[0] > (items[l] as Entry)[0] ? r : l
      if ((items[c] as Entry)[0] <= last[0]) break
      items[i] = items[c] as Entry
      i = c
    }
    items[i] = last
    return top
  }
}
