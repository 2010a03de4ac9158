import type { Plugin } from 'vite'
import { PATH_SEGMENT } from '@tablecloth/shared'

/** Phone links, `/p/<eventId>/<tableId>`; the server's staticFiles.ts uses the same rule. */
const PHONE_PATH = new RegExp(`^/p/${PATH_SEGMENT}/${PATH_SEGMENT}/?(\\?.*)?$`)

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
