import type { Plugin } from 'vite'
// By path, not by package name: Vite bundles its config with relative imports only and hands
// package imports to Node, which cannot load shared's TypeScript. ids.ts imports nothing.
import { PATH_SEGMENT } from '../../shared/src/lib/ids'

/**
 * Phone links, `/p/<eventId>/<tableId>` and a group's `/p/<eventId>/g/<groupId>`;
 * the server's staticFiles.ts uses the same rule.
 */
const PHONE_PATH = new RegExp(`^/p/${PATH_SEGMENT}/(?:g/)?${PATH_SEGMENT}/?(\\?.*)?$`)

/**
 * In development, answers phone links with phone.html instead of the app
 * shell, as the server does in production, so `pnpm dev` shows the phone
 * page at the same addresses.
 */
export function phonePagePlugin(): Plugin {
  return {
    name: 'tablecloth-phone-page',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && PHONE_PATH.test(req.url)) req.url = '/phone.html'
        next()
      })
    },
  }
}
