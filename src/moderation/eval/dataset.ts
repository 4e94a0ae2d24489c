import type { MessageKind, PiiType } from '../types.ts'

/** One labelled message, as in the shared dataset's JSONL files. */
export interface LabelledMessage {
  id: string
  chat: string
  text: string
  kind: MessageKind
  thanks: boolean
  dup_group: string | null
  pii: Array<{ type: PiiType; start: number; end: number; value: string }>
  hashtag?: string
  theme?: string
}

/** Parses JSONL text (blank lines ignored); throws with the line number on a bad record. */
export function parseJsonl(text: string): LabelledMessage[] {
  const out: LabelledMessage[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim()
    if (!line) continue
    const record = JSON.parse(line) as Partial<LabelledMessage>
    if (typeof record.id !== 'string' || typeof record.text !== 'string' || !record.kind) {
      throw new Error(`line ${i + 1}: expected id, text and kind`)
    }
    out.push({
      chat: record.chat ?? '',
      thanks: record.thanks ?? false,
      dup_group: record.dup_group ?? null,
      pii: record.pii ?? [],
      ...record,
    } as LabelledMessage)
  }
  return out
}
