import { z } from 'zod'
import { ROLES } from '../../domain/types.ts'

export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use 2–63 lowercase letters, digits and hyphens')

/** Any ISO-8601 time with an offset, stored as UTC. */
export const Instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString())

export const Id = z.string().min(1).max(64)
export const Role = z.enum(ROLES)
export const Email = z
  .email()
  .max(254)
  .transform((v) => v.toLowerCase())
export const Password = z.string().min(12, 'use at least 12 characters').max(200)
export const Name = z.string().trim().min(1).max(120)

export const OrgParams = z.object({ org: Slug })
export const ChatParams = z.object({ chat: Slug })
export const QuestionParams = z.object({ chat: Slug, question: Id })
export const IdParams = z.object({ id: Id })
