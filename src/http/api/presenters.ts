import type { Chat, Organisation } from '../../domain/types.ts'

/** What anyone may know about an organisation. */
export const presentOrganisation = (o: Organisation) => ({
  slug: o.slug,
  name: o.name,
  timeZone: o.timeZone,
  logoUrl: o.logoUrl,
  brandColour: o.brandColour,
  emergencyGuidance: o.emergencyGuidance,
})

/** What anyone may know about a scheduled, live or closed chat. */
export const presentChat = (c: Chat) => ({
  slug: c.slug,
  title: c.title,
  theme: c.theme,
  hashtag: c.hashtag,
  description: c.description,
  state: c.state,
  opensAt: c.opensAt,
  startsAt: c.startsAt,
  endsAt: c.endsAt,
})

/** A chat as its organisation's staff see it. */
export const presentStaffChat = (c: Chat) => ({
  ...presentChat(c),
  id: c.id,
  experts: c.experts,
  lastSeq: c.lastSeq,
  updatedAt: c.updatedAt,
})
