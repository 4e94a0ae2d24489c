import { z } from 'zod'
import type { AnyRoute } from './route.ts'

const toPath = (url: string) => url.replace(/:(\w+)/g, '{$1}')

const schema = (s: z.ZodType) => z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' })

function parameters(r: AnyRoute) {
  const out: object[] = []
  const add = (where: 'path' | 'query', s: z.ZodType | undefined) => {
    if (!s) return
    const json = schema(s) as { properties?: Record<string, object>; required?: string[] }
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: prop,
      })
    }
  }
  add('path', r.params)
  add('query', r.query)
  for (const [name, h] of Object.entries(r.headers ?? {})) {
    out.push({
      name,
      in: 'header',
      required: h.required ?? false,
      description: h.description,
      schema: { type: 'string' },
    })
  }
  return out
}

const ERROR = {
  description: 'Error: `{ error, message, field? }`',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: { type: 'string' },
          message: { type: 'string' },
          field: { type: 'string' },
        },
        required: ['error', 'message'],
      },
    },
  },
}

/** The OpenAPI 3.1 document, generated from the same route specs and Zod schemas that validate requests. */
export function openApiDocument(routes: AnyRoute[], serverUrl: string) {
  const paths: Record<string, Record<string, object>> = {}
  for (const r of routes) {
    const path = toPath(r.url)
    const item = paths[path] ?? {}
    paths[path] = item
    const status = String(r.status ?? 200)
    item[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      security: r.auth === 'staff' ? [{ session: [], csrf: [] }] : [],
      parameters: parameters(r),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schema(r.body) } },
            },
          }
        : {}),
      responses: {
        [status]: r.response
          ? { description: 'OK', content: { 'application/json': { schema: schema(r.response) } } }
          : { description: 'OK' },
        '4XX': ERROR,
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Askhour API',
      version: '1',
      description: 'Plan, run and archive ask-the-expert hashtag chats.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'askhour_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
      },
    },
    paths,
  }
}
