import {
  HealthResponseSchema,
  PROTOCOL_VERSION,
  ServerConfigResponseSchema,
  TimeResponseSchema,
} from '@tablecloth/shared'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from '../config'

/** What `/healthz` asks: does the store answer, does the relay between processes answer. */
export interface HealthChecks {
  engine: 'sqlite' | 'postgres'
  store: () => boolean
  relay?: () => Promise<boolean>
}

/** What every page asks first: is the server up, how is it set up, what time is it there. */
export function registerSystemRoutes(
  fastify: FastifyInstance,
  config: Config,
  health: HealthChecks,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const tags = ['server']
  // 503 when the store or the relay does not answer, so a load balancer
  // sends no one to a process that would refuse every edit.
  app.get(
    '/healthz',
    { schema: { tags, response: { 200: HealthResponseSchema, 503: HealthResponseSchema } } },
    async (_request, reply) => {
      const store = { engine: health.engine, ok: health.store() }
      const relay = health.relay ? { ok: await health.relay() } : undefined
      const ok = store.ok && (relay?.ok ?? true)
      return reply.code(ok ? 200 : 503).send({ ok, store, ...(relay && { relay }) })
    },
  )
  app.get(
    '/api/config',
    { schema: { tags, response: { 200: ServerConfigResponseSchema } } },
    async () => ({
      tldrawLicenseKey: config.tldrawLicenseKey,
      protocol: PROTOCOL_VERSION,
      setupPinRequired: config.setupPin !== null,
    }),
  )
  app.get('/api/time', { schema: { tags, response: { 200: TimeResponseSchema } } }, async () => ({
    serverTime: Date.now(),
  }))
}
