import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
}

interface Asset {
  body: Buffer
  type: string
  hash: string
}

const DIR = new URL('./assets/', import.meta.url)

/** The files under src/web/assets, read once at start-up and named by a hash of their content. */
const assets = new Map<string, Asset>(
  readdirSync(DIR)
    .filter((name) => TYPES[name.split('.').pop() ?? ''])
    .map((name) => {
      const body = readFileSync(new URL(name, DIR))
      const type = TYPES[name.split('.').pop() ?? ''] as string
      return [
        name,
        { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 10) },
      ]
    }),
)

/** The URL of an asset with its content hash, so it can be cached for a year. */
export function assetUrl(name: string): string {
  const a = assets.get(name)
  if (!a) throw new Error(`no asset ${name}`)
  return `/assets/${name}?v=${a.hash}`
}

/** Bytes of an asset as sent (uncompressed), for reporting page weight. */
export const assetBytes = (name: string): number => assets.get(name)?.body.length ?? 0

export function installAssets(app: FastifyInstance): void {
  app.get('/favicon.ico', async (_req, reply) => reply.redirect(assetUrl('icon.svg'), 301))
  app.get<{ Params: { name: string } }>('/assets/:name', async (req, reply) => {
    const a = assets.get(req.params.name)
    if (!a) return reply.code(404).type('text/plain').send('Not found')
    return reply
      .header('content-type', a.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('etag', `"${a.hash}"`)
      .send(a.body)
  })
}
