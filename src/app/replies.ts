import { invalid, notFound } from '../domain/errors.ts'
import type { Actor } from '../domain/permissions.ts'
import type { ApprovedReply } from '../store/repos/replies.repo.ts'
import { orgFor } from './access.ts'
import { type Deps, isoNow } from './deps.ts'

export interface ReplyInput {
  title: string
  body: string
}

function check(input: ReplyInput): ReplyInput {
  const title = input.title.trim()
  const body = input.body.trim()
  if (title.length < 2 || title.length > 120)
    throw invalid('reply_title', 'Give the reply a short title (2–120 characters).', 'title')
  if (body.length < 2 || body.length > 5000)
    throw invalid('reply_body', 'Write the reply (2–5,000 characters).', 'body')
  return { title, body }
}

/** Every member may read the approved replies of their organisation. */
export async function listReplies(deps: Deps, actor: Actor, orgSlug: string) {
  const org = await orgFor(deps.store.read, actor, orgSlug, 'org.view')
  return deps.store.read.replies.list(org.id)
}

/** Admins add or change an approved reply (`id` null adds one). */
export async function saveReply(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  id: string | null,
  input: ReplyInput,
): Promise<ApprovedReply> {
  const { title, body } = check(input)
  return deps.store.transaction(async (tx) => {
    const org = await orgFor(tx, actor, orgSlug, 'org.manage')
    const now = isoNow(deps)
    const existing = id ? await tx.replies.find(org.id, id) : undefined
    if (id && !existing) throw notFound('Reply')
    const reply: ApprovedReply = {
      id: existing?.id ?? deps.newId(),
      orgId: org.id,
      title,
      body,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    }
    await tx.replies.save(reply)
    return reply
  })
}

export async function deleteReply(deps: Deps, actor: Actor, orgSlug: string, id: string) {
  await deps.store.transaction(async (tx) => {
    const org = await orgFor(tx, actor, orgSlug, 'org.manage')
    await tx.replies.delete(org.id, id)
  })
}
