import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodType, z } from 'zod'
import type { Actor } from '../domain/permissions.ts'
import { zodToDomain } from './errors.ts'
import { requireStaff } from './session.ts'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type Infer<S> = S extends ZodType ? z.infer<S> : undefined

export interface RouteSpec<
  P extends ZodType | undefined,
  Q extends ZodType | undefined,
  B extends ZodType | undefined,
  A extends 'public' | 'staff',
> {
  method: Method
  url: string
  summary: string
  tag: string
  auth: A
  params?: P
  query?: Q
  body?: B
  /** Documented reply for the success status. */
  response?: ZodType
  status?: number
  headers?: Record<string, { description: string; required?: boolean }>
  handler: (ctx: {
    params: Infer<P>
    query: Infer<Q>
    body: Infer<B>
    req: FastifyRequest
    reply: FastifyReply
    actor: A extends 'staff' ? Actor : undefined
  }) => Promise<unknown>
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of route specs
export type AnyRoute = RouteSpec<any, any, any, any>

/** Declares a route once: the same Zod schemas validate requests and write the OpenAPI document. */
export const route = <
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
  A extends 'public' | 'staff' = 'public',
>(
  spec: RouteSpec<P, Q, B, A>,
): AnyRoute => spec

function parse(where: string, schema: ZodType | undefined, value: unknown) {
  if (!schema) return undefined
  const r = schema.safeParse(value)
  if (!r.success) throw zodToDomain(where, r.error)
  return r.data
}

export function mount(app: FastifyInstance, routes: AnyRoute[]): void {
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (req, reply) => {
        const actor = spec.auth === 'staff' ? requireStaff(req) : undefined
        const result = await spec.handler({
          params: parse('params', spec.params, req.params),
          query: parse('query', spec.query, req.query),
          body: parse('body', spec.body, req.body ?? {}),
          req,
          reply,
          actor,
        })
        if (reply.sent) return reply
        if (result === undefined) return reply.code(204).send()
        return reply.code(spec.status ?? 200).send(result)
      },
    })
  }
}
