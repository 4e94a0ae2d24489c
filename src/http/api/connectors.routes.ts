import { z } from 'zod'
import {
  answerNetworkPosts,
  type ConnectorServices,
  connectAccount,
  connectorStates,
  disconnectAccount,
  listAccounts,
  NETWORKS,
  switchNetwork,
} from '../../app/connectors.ts'
import type { Deps } from '../../app/deps.ts'
import { route } from '../route.ts'
import { ChatParams, IdParams, OrgParams } from './common.schema.ts'

const Network = z.enum(NETWORKS)
const OrgNetwork = OrgParams.extend({ network: Network })
const ChatNetwork = ChatParams.extend({ network: Network })

/**
 * Social-network accounts and switches (staff). Credentials are write-only: accepted here, sealed,
 * and never returned or logged.
 */
export const connectorRoutes = (deps: Deps, services?: ConnectorServices) => [
  route({
    method: 'GET',
    url: '/api/v1/orgs/:org/connectors',
    tag: 'connectors',
    summary: "The organisation's connected network accounts (handles only)",
    auth: 'staff',
    params: OrgParams,
    handler: async ({ actor, params }) => ({
      accounts: await listAccounts(deps, actor, params.org),
    }),
  }),
  route({
    method: 'PUT',
    url: '/api/v1/orgs/:org/connectors/:network',
    tag: 'connectors',
    summary: 'Connect (or reconnect) a network account; the credentials are checked, then sealed',
    auth: 'staff',
    params: OrgNetwork,
    body: z.object({ credentials: z.record(z.string(), z.unknown()) }),
    handler: async ({ actor, params, body }) => ({
      account: await connectAccount(
        deps,
        services,
        actor,
        params.org,
        params.network,
        body.credentials,
      ),
    }),
  }),
  route({
    method: 'DELETE',
    url: '/api/v1/orgs/:org/connectors/:network',
    tag: 'connectors',
    summary: 'Disconnect a network account and forget its credentials',
    auth: 'staff',
    params: OrgNetwork,
    handler: async ({ actor, params }) => {
      await disconnectAccount(deps, actor, params.org, params.network)
    },
  }),
  route({
    method: 'GET',
    url: '/api/v1/chats/:chat/connectors',
    tag: 'connectors',
    summary: "Each network's switch and connector state for a chat (connected, lagging, failing…)",
    auth: 'staff',
    params: ChatParams,
    handler: async ({ actor, params }) => ({
      networks: await connectorStates(deps, actor, params.chat),
    }),
  }),
  route({
    method: 'PUT',
    url: '/api/v1/chats/:chat/connectors/:network',
    tag: 'connectors',
    summary: 'Switch a network on or off for a chat, with answer-back and redirect replies',
    auth: 'staff',
    params: ChatNetwork,
    body: z.object({
      enabled: z.boolean(),
      answerBack: z.boolean().default(true),
      redirectReplies: z.boolean().default(false),
    }),
    handler: async ({ actor, params, body }) => ({
      network: await switchNetwork(deps, actor, params.chat, params.network, body),
    }),
  }),
  route({
    method: 'GET',
    url: '/api/v1/answers/:id/network-posts',
    tag: 'connectors',
    summary: 'The posts made on networks for an answer (network id and link)',
    auth: 'staff',
    params: IdParams,
    handler: async ({ actor, params }) => ({
      posts: await answerNetworkPosts(deps, actor, params.id),
    }),
  }),
]
