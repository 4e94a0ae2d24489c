import { connectAccount, type Network, switchNetwork } from '../../src/app/connectors.ts'
import type { Deps } from '../../src/app/deps.ts'
import type { ConnectorModule, ConnectorSettings } from '../../src/connectors/connector.ts'
import { connectorServices } from '../../src/connectors/index.ts'
import { ConnectorRunner, type RunnerOptions } from '../../src/connectors/runner.ts'
import type { Actor } from '../../src/domain/permissions.ts'
import type { Chat, Question } from '../../src/domain/types.ts'
import { soleLeadership } from '../../src/store/leader.ts'
import { chat, organisation } from '../factories.ts'
import { realTimeDeps, testKeyring, until } from './peers.ts'

/** A live chat with one network connected and switched on, and a runner to start and stop. */
export async function connectorWorld(
  network: Network,
  module: ConnectorModule<unknown>,
  credentials: unknown,
  settings: ConnectorSettings,
  runner: Partial<RunnerOptions> = {},
) {
  const deps: Deps = await realTimeDeps()
  const { admin } = await organisation(deps, 'gmp')
  const c: Chat = await chat(deps, admin, 'gmp', 'live')
  const services = connectorServices(testKeyring(), settings, { [network]: module })
  await connectAccount(deps, services, admin, 'gmp', network, credentials)
  await switchNetwork(deps, admin, c.slug, network, {
    enabled: true,
    answerBack: true,
    redirectReplies: true,
  })
  let current: ConnectorRunner | null = null
  const world = {
    deps,
    admin: admin as Actor,
    chat: c,
    start() {
      current = new ConnectorRunner(deps, {
        modules: { [network]: module },
        settings,
        keyring: testKeyring(),
        leadership: soleLeadership(),
        tickMs: 100,
        backoff: { baseMs: 50, maxMs: 400 },
        cursorEveryMs: 100,
        ...runner,
      })
      current.start()
      return current
    },
    async stop() {
      await current?.stop()
      current = null
    },
    async queue(): Promise<Question[]> {
      return (await deps.store.read.questions.list(c.id)).filter((q) => q.source === network)
    },
    byText: (text: string) =>
      until(`question "${text}"`, async () => (await world.queue()).find((q) => q.text === text)),
    async state() {
      const row = (await deps.store.read.connectors.statuses(c.id)).find(
        (s) => s.network === network,
      )
      return row?.state ?? 'off'
    },
    async close() {
      await world.stop()
      await deps.store.close()
    },
  }
  return world
}
