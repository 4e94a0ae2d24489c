import ical from 'ical-generator'
import type { FeedItem } from '../../app/feed.ts'
import type { Chat, Organisation } from '../../domain/types.ts'
import { escapeHtml } from '../html.ts'
import { clip } from './answer.page.ts'

/** A calendar file for the chat, with the link and the hashtag. */
export function chatCalendar(org: Organisation, chat: Chat, publicUrl: string): string {
  const url = `${publicUrl}/chats/${chat.slug}`
  const cal = ical({
    name: `${org.name}: ${chat.title}`,
    prodId: { company: 'Askhour', product: 'Askhour' },
  })
  cal.createEvent({
    id: `${chat.id}@askhour`,
    start: new Date(chat.startsAt),
    end: new Date(chat.endsAt),
    summary: `${chat.title} ${chat.hashtag}`,
    description: `${chat.theme}\n\nAsk your questions at ${url} or with ${chat.hashtag}.`,
    url,
    organizer: { name: org.name, email: 'noreply@askhour.invalid' },
  })
  return cal.toString()
}

const x = (s: string) => escapeHtml(s)

/** An Atom feed of a chat's published answers, newest first. */
export function answersAtom(
  org: Organisation,
  chat: Chat,
  items: FeedItem[],
  publicUrl: string,
): string {
  const answered = items
    .filter((i) => i.answer)
    .sort((a, b) => (b.answer?.updatedAt ?? '').localeCompare(a.answer?.updatedAt ?? ''))
  const chatUrl = `${publicUrl}/chats/${chat.slug}`
  const updated = answered[0]?.answer?.updatedAt ?? chat.updatedAt
  const entries = answered.map((i) => {
    const a = i.answer as NonNullable<FeedItem['answer']>
    const url = `${publicUrl}/answers/${a.id}`
    return `  <entry>
    <id>${x(url)}</id>
    <title>${x(clip(i.question.publicText, 140))}</title>
    <link rel="alternate" type="text/html" href="${x(url)}"/>
    <published>${a.publishedAt}</published>
    <updated>${a.updatedAt}</updated>
    <author><name>${x(a.authorName)}</name></author>
    <content type="text">${x(`Q: ${i.question.publicText}\n\nA: ${a.body}`)}</content>
  </entry>`
  })
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${x(chatUrl)}</id>
  <title>${x(`${chat.title} ${chat.hashtag} – ${org.name}`)}</title>
  <subtitle>${x(chat.theme)}</subtitle>
  <link rel="alternate" type="text/html" href="${x(chatUrl)}"/>
  <link rel="self" type="application/atom+xml" href="${x(`${chatUrl}/answers.atom`)}"/>
  <updated>${updated}</updated>
  <author><name>${x(org.name)}</name></author>
${entries.join('\n')}
</feed>
`
}
