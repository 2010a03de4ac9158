import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'

/**
 * The HTTP contract as OpenAPI 3, generated from the routes' shared zod
 * schemas, at `GET /api/openapi.json`, and a page to read it at `/api/docs`.
 * The page's scripts and styles come from the swagger-ui package on this
 * server; nothing is loaded from another host (the venue has no internet),
 * so it works under the site's own Content-Security-Policy.
 */
export function registerApiDocs(fastify: FastifyInstance): void {
  fastify.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tablecloth HTTP API',
        description: 'Live shared boards for World Café workshops. See docs/http-api.md.',
        version: '1',
      },
      components: {
        securitySchemes: { link: { type: 'http', scheme: 'bearer', description: 'A link token' } },
      },
      security: [{ link: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  fastify.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The validator badge would be fetched from validator.swagger.io.
    uiConfig: { validatorUrl: null } as Record<string, unknown>,
    staticCSP: false,
  })
  fastify.register(async (scoped) => {
    scoped.get('/api/openapi.json', { schema: { hide: true } }, async () => scoped.swagger())
  })
}
