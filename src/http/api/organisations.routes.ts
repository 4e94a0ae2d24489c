import { z } from 'zod'
import type { Deps } from '../../app/deps.ts'
import {
  createOrganisation,
  getOrganisation,
  invite,
  listMembers,
  publicOrganisation,
  setMemberRole,
  updateOrganisation,
} from '../../app/organisations.ts'
import { route } from '../route.ts'
import { NewOrganisation } from './accounts.routes.ts'
import { Email, Id, OrgParams, Role, Slug } from './common.schema.ts'
import { presentChat, presentOrganisation } from './presenters.ts'

const Settings = z
  .object({
    name: z.string().trim().min(1).max(120),
    timeZone: NewOrganisation.shape.timeZone.unwrap(),
    logoUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable(),
    brandColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #1d4f91'),
    emergencyGuidance: z.string().trim().min(10).max(1000),
  })
  .partial()

export const InviteBody = z.object({ email: Email, role: Role })

export const organisationRoutes = (deps: Deps) => [
  route({
    method: 'GET',
    url: '/api/v1/orgs/:org',
    tag: 'public',
    summary: "An organisation's public profile and its scheduled, live and past chats",
    auth: 'public',
    params: OrgParams,
    handler: async ({ params }) => {
      const { org, chats } = await publicOrganisation(deps, params.org)
      return { organisation: presentOrganisation(org), chats: chats.map(presentChat) }
    },
  }),
  route({
    method: 'POST',
    url: '/api/v1/orgs',
    tag: 'organisations',
    summary: 'Create an organisation (you become its admin)',
    auth: 'staff',
    status: 201,
    body: NewOrganisation,
    handler: async ({ actor, body }) =>
      presentOrganisation(await createOrganisation(deps, actor, body)),
  }),
  route({
    method: 'GET',
    url: '/api/v1/orgs/:org/settings',
    tag: 'organisations',
    summary: "An organisation's settings",
    auth: 'staff',
    params: OrgParams,
    handler: async ({ actor, params }) =>
      presentOrganisation(await getOrganisation(deps, actor, params.org)),
  }),
  route({
    method: 'PATCH',
    url: '/api/v1/orgs/:org/settings',
    tag: 'organisations',
    summary: 'Change branding, time zone or emergency guidance (admins)',
    auth: 'staff',
    params: OrgParams,
    body: Settings,
    handler: async ({ actor, params, body }) =>
      presentOrganisation(await updateOrganisation(deps, actor, params.org, body)),
  }),
  route({
    method: 'GET',
    url: '/api/v1/orgs/:org/members',
    tag: 'organisations',
    summary: 'Members and their roles',
    auth: 'staff',
    params: OrgParams,
    handler: async ({ actor, params }) => ({ members: await listMembers(deps, actor, params.org) }),
  }),
  route({
    method: 'POST',
    url: '/api/v1/orgs/:org/invites',
    tag: 'organisations',
    summary: 'Invite someone by email with a role (admins); returns the link to send them',
    auth: 'staff',
    status: 201,
    params: OrgParams,
    body: InviteBody,
    handler: async ({ actor, params, body }) =>
      invite(deps, actor, params.org, body.email, body.role),
  }),
  route({
    method: 'PUT',
    url: '/api/v1/orgs/:org/members/:user',
    tag: 'organisations',
    summary: "Change a member's role (admins)",
    auth: 'staff',
    params: z.object({ org: Slug, user: Id }),
    body: z.object({ role: Role }),
    handler: async ({ actor, params, body }) =>
      setMemberRole(deps, actor, params.org, params.user, body.role),
  }),
  route({
    method: 'DELETE',
    url: '/api/v1/orgs/:org/members/:user',
    tag: 'organisations',
    summary: 'Remove a member (admins)',
    auth: 'staff',
    params: z.object({ org: Slug, user: Id }),
    handler: async ({ actor, params }) => setMemberRole(deps, actor, params.org, params.user, null),
  }),
]
