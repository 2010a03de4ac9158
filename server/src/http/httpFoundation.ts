import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import type { Config } from '../config'
import { errorReply, internalErrorReply, type ErrorReply } from './errorReply'
import { registerJsonBody } from './jsonBody'
import { LOG_REDACT_PATHS, requestForLog } from './logRedaction'
import { RequestError } from './RequestError'
import { applySecurityHeaders } from './securityHeaders'
import { createStaticFiles } from './staticFiles'
import { zodValidatorCompiler } from './zodValidation'
import { ApiErrorCode } from '@tablecloth/shared'

/**
 * Fastify's own settings. The request log goes to `log` as pino's JSON lines,
 * with nothing of headers or bodies in them (see logRedaction.ts).
 */
export function httpOptions(config: Config, log: (line: string) => void): FastifyServerOptions {
  return {
    logger: {
      level: 'info',
      redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        req: (request: FastifyRequest) => requestForLog(request),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
      stream: { write: (line: string) => log(line.trimEnd()) },
    },
    // Node's own default, as before: Fastify's 72 s would hold idle browser connections (and a
    // shutdown waiting for them) more than a minute longer.
    keepAliveTimeout: 5_000,
    // Ids and note ids in paths may be longer than find-my-way's default of 100.
    routerOptions: { maxParamLength: 1000 },
    // HEAD on an API route is a method it does not allow, as before; static files answer HEAD themselves.
    exposeHeadRoutes: false,
    // Fastify's own refusals before routing (a malformed %-escape) answer like every other error.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request.raw, reply.raw, config.publicUrl)
      // Outside the API such a path names no file of the build: the static files' 404.
      if (request.url.startsWith('/') && !request.url.startsWith('/api/')) {
        ;(reply as FastifyReply).code(404).send()
        return
      }
      if (!request.url.startsWith('/')) {
        sendError(
          reply,
          errorReply(
            new RequestError(400, ApiErrorCode.ValidationFailed, 'Malformed request target'),
          )!,
        )
        return
      }
      sendError(reply, errorReply(error) ?? internalErrorReply())
    },
  }
}

/**
 * Everything around the routes: security headers on every answer, the JSON
 * body parser, validation with the shared zod schemas, one error answer for
 * every failure, 405 for a known path with another method, and the built
 * client for every other GET.
 */
export function registerHttpFoundation(
  fastify: FastifyInstance,
  config: Config,
  log: (line: string) => void,
): void {
  registerJsonBody(fastify)
  fastify.setValidatorCompiler(zodValidatorCompiler)
  // Response schemas type the handlers and document the answers; they are
  // written as they are, as the services built them.
  fastify.setSerializerCompiler(() => (data) => JSON.stringify(data))

  fastify.addHook('onRequest', async (request, reply) => {
    // On the raw response, so answers that bypass Fastify (static files) carry them too,
    // and a route's own header (the results HTML's policy) still takes precedence.
    applySecurityHeaders(request.raw, reply.raw, config.publicUrl)
  })
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    return payload
  })

  fastify.setErrorHandler((error, request, reply) => {
    const answer = errorReply(error, request.routeOptions.bodyLimit)
    if (answer) {
      sendError(reply, answer)
      return
    }
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.destroy()
      return
    }
    // The error's text may hold note content: the stack goes to our log only.
    log(`internal error: ${error instanceof Error ? (error.stack ?? error.name) : typeof error}`)
    sendError(reply, internalErrorReply())
  })

  const patterns: Array<{ method: string; pattern: RegExp }> = []
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) return
    for (const method of [route.method].flat())
      patterns.push({ method, pattern: routePattern(route.url) })
  })

  const staticFiles = createStaticFiles(config.clientDir)
  fastify.setNotFoundHandler((request, reply) => {
    const path = pathOf(request.url)
    if (path === null)
      throw new RequestError(400, ApiErrorCode.ValidationFailed, 'Malformed request target')
    if (patterns.some(({ pattern }) => pattern.test(path))) {
      throw new RequestError(
        405,
        ApiErrorCode.MethodNotAllowed,
        `${request.method} is not allowed here`,
      )
    }
    if (path.startsWith('/api/'))
      throw new RequestError(404, ApiErrorCode.NotFound, 'No such API route')
    reply.hijack()
    staticFiles(request.raw, reply.raw, () => {
      reply.raw.writeHead(404).end()
    })
  })
}

function sendError(reply: FastifyReply, answer: ErrorReply): void {
  reply.code(answer.status).headers(answer.headers).send(answer.body)
}

/** A route's path as a pattern for concrete paths: `:name` matches one segment, the rest literally. */
function routePattern(url: string): RegExp {
  const source = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-zA-Z]+)/g, '[^/]+')
  return new RegExp(`^${source}$`)
}

/**
 * The request target's path, or null when it cannot be one. Node accepts
 * absolute-form targets such as `GET http://[ HTTP/1.1`, on which `new URL` throws.
 */
function pathOf(target: string): string | null {
  try {
    return new URL(target, 'http://localhost').pathname
  } catch {
    return null
  }
}
