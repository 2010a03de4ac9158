import type { Plugin } from 'vite'

/** Phone links, `/p/<eventId>/<tableId>`; the server's staticFiles.ts uses the same rule. */
const PHONE_PATH = /^\/p\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}\/?(\?.*)?$/

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
