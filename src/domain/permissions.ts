import type { Role } from './types.ts'

export type Action =
  | 'org.view'
  | 'org.manage'
  | 'member.manage'
  | 'chat.plan'
  | 'chat.view'
  | 'question.moderate'
  | 'answer.write'

const RULES: Record<Action, readonly Role[]> = {
  'org.view': ['admin', 'host', 'expert'],
  'org.manage': ['admin'],
  'member.manage': ['admin'],
  'chat.plan': ['admin', 'host'],
  'chat.view': ['admin', 'host', 'expert'],
  'question.moderate': ['admin', 'host'],
  'answer.write': ['admin', 'host', 'expert'],
}

/** A signed-in member as the domain sees them: who, and their role in each organisation. */
export interface Actor {
  userId: string
  name: string
  roles: ReadonlyMap<string, Role>
}

/** [P1] May this actor do this to something owned by `orgId`? Members of other organisations may not. */
export function can(actor: Actor, action: Action, orgId: string): boolean {
  const role = actor.roles.get(orgId)
  return role !== undefined && RULES[action].includes(role)
}
