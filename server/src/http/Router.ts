import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiErrorCode } from '@tablecloth/shared'
import { HttpError } from './HttpError'

export interface RouteContext {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  params: Record<string, string>
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void

interface Route {
  method: string
  pattern: RegExp
  keys: string[]
  handler: RouteHandler
}

/**
 * A small method + path router. Patterns use `:name` segments; a path that
 * matches with another method answers 405 so clients learn what went wrong.
 */
export class Router {
  private readonly routes: Route[] = []

  on(method: string, path: string, handler: RouteHandler): this {
    const keys: string[] = []
    // Escape the literal parts (e.g. the dot in `results.:format`), then turn `:name` into a group.
    const source = path
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:([a-zA-Z]+)/g, (_, key: string) => {
        keys.push(key)
        return '([^/]+)'
      })
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), keys, handler })
    return this
  }

  /** Returns false when no route matches the path at all. */
  async dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    let pathMatched = false
    for (const route of this.routes) {
      const match = route.pattern.exec(url.pathname)
      if (!match) continue
      pathMatched = true
      if (route.method !== req.method) continue
      const params: Record<string, string> = {}
      route.keys.forEach((key, i) => {
        params[key] = decodeParam(match[i + 1] ?? '')
      })
      await route.handler({ req, res, url, params })
      return true
    }
    if (pathMatched) {
      throw new HttpError(405, ApiErrorCode.MethodNotAllowed, `${req.method} is not allowed here`)
    }
    return false
  }
}

/** A path segment with its %-escapes decoded; a malformed escape is the client's mistake, not ours. */
function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    // URIError: `%` not followed by two hex digits, or bytes that are not UTF-8.
    throw new HttpError(400, ApiErrorCode.ValidationFailed, 'The path holds a malformed %-escape')
  }
}
