import { contentTerms } from '../moderation/duplicate-terms.ts'
import { groupDuplicates } from '../moderation/index.ts'
import type { ReportQuestion } from '../store/repos/reports.repo.ts'
import type { Merge } from './report.questions.ts'
import type { Themes } from './report.types.ts'

// Placeholders such as "[phone]" stand for masked personal data, not for what was asked about.
const withoutPlaceholders = (text: string) => text.replace(/\[[a-z ]+\]/g, ' ')

const THEMED_STATES = new Set(['pending', 'approved', 'answered', 'merged'])
const isPublished = (q: ReportQuestion) => q.state === 'approved' || q.state === 'answered'

export interface ThemesInput {
  questions: readonly ReportQuestion[]
  merges: readonly Merge[]
  hashtag: string
}

/**
 * The most asked themes: questions linked as near-duplicates by the moderation aids or merged by a
 * moderator form a group; groups of two or more, largest first. Plus the most frequent terms.
 */
export function themes(
  questions: readonly ReportQuestion[],
  merges: readonly Merge[],
  hashtag: string,
  limits = { groups: 5, terms: 10 },
): Themes {
  const asked = questions.filter((q) => THEMED_STATES.has(q.state))
  const ids = new Set(asked.map((q) => q.id))
  const parent = new Map(asked.map((q) => [q.id, q.id]))
  const find = (id: string): string => {
    const p = parent.get(id) ?? id
    if (p === id) return id
    const root = find(p)
    parent.set(id, root)
    return root
  }
  const link = (a: string, b: string) => {
    if (ids.has(a) && ids.has(b)) parent.set(find(b), find(a))
  }
  const messages = asked.map((q) => ({ id: q.id, text: withoutPlaceholders(q.publicText) }))
  for (const group of groupDuplicates(messages)) {
    for (const id of group.slice(1)) link(group[0] as string, id)
  }
  for (const m of merges) link(m.into, m.questionId)

  const members = new Map<string, ReportQuestion[]>()
  for (const q of asked) {
    const root = find(q.id)
    members.set(root, [...(members.get(root) ?? []), q])
  }
  const groups = [...members.values()]
    // A theme is labelled with a published question's public text, never an unreviewed one (R5).
    .filter((g) => g.length > 1 && g.some(isPublished))
    .map((g) => {
      const top = g
        .filter(isPublished)
        .sort((a, b) => b.votes - a.votes || a.receivedAt.localeCompare(b.receivedAt))[0]
      return {
        size: g.length,
        label: top?.publicText ?? '',
        questionIds: g.map((q) => q.id),
        answered: g.filter((q) => q.state === 'answered').length,
        first: g[0]?.receivedAt ?? '',
      }
    })
    .sort((a, b) => b.size - a.size || a.first.localeCompare(b.first))
    .slice(0, limits.groups)
    .map(({ first: _, ...theme }) => theme)

  const skip = contentTerms(hashtag.replace(/^#/, '').replace(/([a-z])([A-Z])/g, '$1 $2'))
  const df = new Map<string, number>()
  for (const m of messages) {
    for (const term of contentTerms(m.text))
      if (!skip.has(term)) df.set(term, (df.get(term) ?? 0) + 1)
  }
  const shown = surfaceForms(messages.map((m) => m.text))
  const terms = [...df]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limits.terms)
    .map(([term, count]) => ({ term: shown.get(term) ?? term, count }))
  return { groups, terms }
}

/** For each stemmed term, the word people wrote most often for it ("breeds", not "bre"). */
function surfaceForms(texts: readonly string[]): Map<string, string> {
  const seen = new Map<string, Map<string, number>>()
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}']+/u)) {
      for (const term of contentTerms(word)) {
        const forms = seen.get(term) ?? new Map<string, number>()
        forms.set(word, (forms.get(word) ?? 0) + 1)
        seen.set(term, forms)
      }
    }
  }
  const out = new Map<string, string>()
  for (const [term, forms] of seen) {
    const best = [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
    if (best) out.set(term, best[0])
  }
  return out
}
