import type { Chat, Organisation } from '../../domain/types.ts'
import { clockTime, longDateTime } from '../format.ts'

export interface KitItem {
  id: string
  label: string
  text: string
  /** The network's post limit, when it has one. */
  limit?: number
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)

/** Ready-to-post words for each network and each reminder, all carrying the hashtag and link. */
export function publicityKit(
  org: Organisation,
  chat: Chat,
  url: string,
  experts: string[],
): KitItem[] {
  const tz = org.timeZone
  const day = longDateTime(chat.startsAt, tz).replace(/ at .*/, '')
  const time = clockTime(chat.startsAt, tz)
  const end = clockTime(chat.endsAt, tz)
  const theme = lower(chat.theme)
  const who = experts.length ? experts.join(', ') : `Our experts`
  return [
    {
      id: 'bluesky',
      label: 'Bluesky announcement',
      limit: 300,
      text: `Got a question about ${theme}? ${org.name} answers live on ${day} from ${time}. Ask now with ${chat.hashtag} or at ${url}`,
    },
    {
      id: 'mastodon',
      label: 'Mastodon announcement',
      limit: 500,
      text: `📣 ${chat.title}\n\n${org.name} answers your questions about ${theme}, live on ${day}, ${time} to ${end}.\n\nAsk now: reply with ${chat.hashtag} or use ${url}\n\nIn an emergency always call 999.`,
    },
    {
      id: 'x',
      label: 'X announcement',
      limit: 280,
      text: `${chat.title}: live Q&A on ${day} at ${time}. Ask with ${chat.hashtag} ${url}`,
    },
    {
      id: 'email',
      label: 'Email, newsletter or Facebook',
      text: `${chat.title}\n\nOn ${day}, from ${time} to ${end}, ${who} from ${org.name} will answer your questions about ${theme}.\n\n${chat.description ? `${chat.description}\n\n` : ''}Send your question now at ${url} or post it on social media with ${chat.hashtag}. Every answer will stay online afterwards.\n\n${org.emergencyGuidance}`,
    },
    {
      id: 'week',
      label: 'Reminder a week before',
      limit: 280,
      text: `One week to go: ${org.name} answers your questions about ${theme} on ${day} at ${time}. Ask now with ${chat.hashtag} ${url}`,
    },
    {
      id: 'day',
      label: 'Reminder the day before',
      limit: 280,
      text: `Tomorrow at ${time}: your questions about ${theme}, answered live by ${org.name}. Ask now with ${chat.hashtag} ${url}`,
    },
    {
      id: 'now',
      label: 'Starting now',
      limit: 280,
      text: `We're live! ${who} answering your questions about ${theme} until ${end}. Ask with ${chat.hashtag} ${url}`,
    },
  ]
}
