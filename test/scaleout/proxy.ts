import { once } from 'node:events'
import { connect, createServer, type Socket } from 'node:net'

/**
 * A loopback TCP load balancer for tests: each new connection goes to the first backend that
 * accepts it, in order, so when a process dies its viewers' reconnects land on the next one, as
 * behind a real load balancer with health checks.
 */
export async function failoverProxy(backends: () => string[]) {
  const open = new Set<Socket>()
  const server = createServer((client) => {
    open.add(client)
    client.on('close', () => open.delete(client))
    client.on('error', () => client.destroy())
    client.pause()
    const tryNext = (i: number) => {
      const url = backends()[i]
      if (!url) return client.destroy()
      const { hostname, port } = new URL(url)
      const upstream = connect(Number(port), hostname)
      let connected = false
      upstream.once('connect', () => {
        connected = true
        upstream.on('error', () => client.destroy())
        upstream.on('close', () => client.destroy())
        client.on('close', () => upstream.destroy())
        client.pipe(upstream).pipe(client)
        client.resume()
      })
      upstream.once('error', (err: NodeJS.ErrnoException) => {
        if (!connected && err.code === 'ECONNREFUSED') tryNext(i + 1)
        else client.destroy()
      })
    }
    tryNext(0)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of open) s.destroy()
      server.close()
      await once(server, 'close')
    },
  }
}
