import {
  HealthResponseSchema,
  PROTOCOL_VERSION,
  ServerConfigResponseSchema,
  TimeResponseSchema,
} from '@tablecloth/shared'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from '../config'

/** What every page asks first: is the server up, how is it set up, what time is it there. */
export function registerSystemRoutes(fastify: FastifyInstance, config: Config): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const tags = ['server']
  app.get('/healthz', { schema: { tags, response: { 200: HealthResponseSchema } } }, async () => ({
    ok: true as const,
  }))
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
