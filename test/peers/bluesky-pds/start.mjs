// The reference Bluesky PDS with an in-memory PLC directory, offline and on loopback only.
// Prints one JSON line `{"pdsUrl", "plcUrl"}` on stdout once both serve; stops on SIGTERM/SIGINT.
// Usage: node start.mjs [pdsPort]   (no port, or 0: a free one is chosen)
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Secp256k1Keypair } from '@atproto/crypto'
import { envToCfg, envToSecrets, PDS, readEnv } from '@atproto/pds'
import { Database, PlcServer } from '@did-plc/server'

// Both servers call listen(port) without a host, i.e. on every interface: keep them on loopback.
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || args[0] === undefined) {
    const [port, ...rest] = args
    const cb = rest.find((a) => typeof a === 'function')
    return listen.call(this, { port: port ?? 0, host: '127.0.0.1' }, cb)
  }
  if (args[0] && typeof args[0] === 'object' && !args[0].path) args[0].host = '127.0.0.1'
  return listen.apply(this, args)
}

async function freePort() {
  const s = net.createServer()
  await new Promise((resolve) => s.listen(0, resolve))
  const { port } = s.address()
  await new Promise((resolve) => s.close(resolve))
  return port
}

const dir = mkdtempSync(join(tmpdir(), 'askhour-pds-'))
const plc = PlcServer.create({ db: Database.mock(), port: 0 })
const plcServer = await plc.start()
const plcUrl = `http://127.0.0.1:${plcServer.address().port}`

const pdsPort = Number(process.argv[2]) || (await freePort())
const rotation = await Secp256k1Keypair.create({ exportable: true })
Object.assign(process.env, {
  PDS_HOSTNAME: 'localhost',
  PDS_PORT: String(pdsPort),
  PDS_DEV_MODE: 'true',
  PDS_INVITE_REQUIRED: 'false',
  PDS_DID_PLC_URL: plcUrl,
  PDS_JWT_SECRET: 'askhour-test-jwt-secret',
  PDS_ADMIN_PASSWORD: 'askhour-test-admin',
  PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX: Buffer.from(await rotation.export()).toString('hex'),
  PDS_DATA_DIRECTORY: dir,
  PDS_BLOBSTORE_DISK_LOCATION: join(dir, 'blobs'),
  PDS_RATE_LIMITS_ENABLED: 'false',
  PDS_CRAWLERS: '',
  LOG_ENABLED: 'false',
})
const env = readEnv()
const pds = await PDS.create(envToCfg(env), envToSecrets(env))
await pds.start()

process.stdout.write(`${JSON.stringify({ pdsUrl: `http://127.0.0.1:${pdsPort}`, plcUrl })}\n`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await pds.destroy().catch(() => {})
  await plc.destroy().catch(() => {})
  rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
// A test runner that dies without signalling closes our stdin: stop with it.
process.stdin.on('end', stop)
process.stdin.resume()
