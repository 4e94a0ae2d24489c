/** What a moderator must do with a message, by its main purpose (see docs/moderation.md). */
export type MessageKind =
  | 'emergency'
  | 'crime_report'
  | 'spam'
  | 'abuse'
  | 'question'
  | 'off_topic'
  | 'thanks'
  | 'comment'

export type PiiType =
  | 'phone'
  | 'email'
  | 'postcode'
  | 'address'
  | 'vehicle_reg'
  | 'dob'
  | 'person_name'
  | 'ni_number'
  | 'card_number'

/** A span of the original text (UTF-16 offsets, end exclusive) hidden from the public. */
export interface Mask {
  type: PiiType
  start: number
  end: number
}

/** A reason to hold or redirect a message, shown to the moderator. */
export interface Flag {
  kind: 'emergency' | 'crime_report' | 'abuse' | 'spam'
  reason: string
}

export interface Analysis {
  kind: MessageKind
  flags: Flag[]
  /** Expresses genuine thanks, also when followed by a question. */
  thanks: boolean
  masks: Mask[]
  /** The text the public may see: every mask replaced by a placeholder such as "[phone]". */
  maskedText: string
}

export interface AnalyseContext {
  hashtag?: string
  theme?: string
}
