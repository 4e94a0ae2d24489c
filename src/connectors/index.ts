import type { ConnectorServices, Network } from '../app/connectors.ts'
import type { Deps } from '../app/deps.ts'
import type { Config } from '../config.ts'
import { DomainError, invalid } from '../domain/errors.ts'
import type { Leadership } from '../store/leader.ts'
import { bluesky } from './bluesky/index.ts'
import { type ConnectorModule, type ConnectorSettings, RateLimited } from './connector.ts'
import { type Keyring, keyringFrom } from './credentials.ts'
import { mastodon } from './mastodon/index.ts'
import { ConnectorRunner } from './runner.ts'
import { x } from './x/index.ts'

/** Every network Askhour speaks, by id. */
export const connectorModules = {
  bluesky,
  mastodon,
  x,
} as Partial<Record<Network, ConnectorModule<unknown>>>

/** How this deployment reaches the networks, from validated configuration. */
export function connectorSettings(config: Config): ConnectorSettings {
  return {
    bluesky: {
      stream: config.BLUESKY_STREAM,
      streamUrl: config.BLUESKY_STREAM_URL,
      plcUrl: config.BLUESKY_PLC_URL,
      appViewUrl: config.BLUESKY_APPVIEW_URL,
    },
    mastodon: { pollMs: 30_000 },
    x: { pollMs: 15_000 },
  }
}

/** What the connect use case needs: credential checks on each network, and sealing. */
export function connectorServices(
  keyring: Keyring,
  settings: ConnectorSettings,
  modules: Partial<Record<Network, ConnectorModule<unknown>>> = connectorModules,
): ConnectorServices {
  return {
    seal: (plain, context) => keyring.seal(plain, context),
    async verify(network, credentials) {
      const module = modules[network]
      if (!module) throw invalid('unknown_network', `Askhour does not speak ${network}.`, 'network')
      const parsed = module.configSchema.safeParse(credentials)
      if (!parsed.success) {
        // Name the field only: the value may be a password.
        const field = parsed.error.issues[0]?.path.join('.') ?? 'credentials'
        throw invalid('invalid_credentials', `credentials.${field} is missing or invalid.`, field)
      }
      try {
        return await module.verify(parsed.data, settings)
      } catch (err) {
        if (err instanceof RateLimited) {
          throw new DomainError(
            'rate_limited',
            'network_rate_limited',
            `${network} asks us to wait.`,
            {
              retryAfterSeconds: Math.ceil(err.retryAfterMs / 1000),
            },
          )
        }
        const status =
          (err as { status?: number; code?: number })?.status ?? (err as { code?: number })?.code
        throw invalid(
          'credentials_rejected',
          `${network} did not accept these credentials${typeof status === 'number' ? ` (${status})` : ''}.`,
        )
      }
    },
  }
}

/**
 * Starts the connector runner for `askhour serve` (it works only while this process leads) and
 * gives the services the connect routes need; without CONNECTOR_KEY networks stay off.
 */
export function startConnectors(
  config: Config,
  deps: Deps,
  leadership: Leadership,
): { services?: ConnectorServices; stop(): Promise<void> } {
  if (!config.CONNECTOR_KEY) return { stop: async () => {} }
  const keyring = keyringFrom(config.CONNECTOR_KEY)
  const settings = connectorSettings(config)
  const runner = new ConnectorRunner(deps, {
    modules: connectorModules,
    settings,
    keyring,
    leadership,
    reachAfterMs: config.CONNECTOR_REACH_HOURS * 3_600_000,
  })
  runner.start()
  return { services: connectorServices(keyring, settings), stop: () => runner.stop() }
}
