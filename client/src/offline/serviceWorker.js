/*
 * Tablecloth's service worker. Keeps the app on this device so that a board
 * opens (from IndexedDB) even when the server is unreachable.
 *
 * - Install: caches the app shell and every file of the build (the list is
 *   written in at build time), including tldraw's fonts, icons and
 *   translations, so nothing is missing offline.
 * - /assets/*: cache first; the names carry content hashes, so a cached copy
 *   is never stale.
 * - Page loads: network first, falling back to the cached shell. The router
 *   runs in the page, so one shell serves every path, except phone links
 *   (/p/…), which have a shell of their own (phone.html), and a moderator's
 *   board links (/e/…/t/…), whose shell (board.html) is the same app with
 *   tldraw preloaded. The phone page registers no worker itself; this only
 *   keeps the shells apart on a device that runs the app too.
 * - /api, /sync and /healthz always go to the network and are never cached.
 *
 * Plain JavaScript, run by the browser as it is; the build only fills in the
 * two values below.
 */

const BUILD_ID = '__TABLECLOTH_BUILD_ID__'
const PRECACHE = self.__TABLECLOTH_PRECACHE__
const CACHE_PREFIX = 'tablecloth-'
const CACHE = CACHE_PREFIX + BUILD_ID
const SHELL = '/index.html'
const PHONE_SHELL = '/phone.html'
const PHONE_PATH = /^\/p\/[^/]+\/[^/]+\/?$/
const BOARD_SHELL = '/board.html'
const BOARD_PATH = /^\/e\/[^/]+\/t\/[^/]+\/?$/
const NEVER_CACHED = ['/api/', '/sync/', '/healthz']
/** A page load waits this long for the server before the cached shell is used. */
const NETWORK_TIMEOUT_MS = 5000

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE)
      await cache.addAll([SHELL, PHONE_SHELL, BOARD_SHELL, ...PRECACHE])
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name)
      }
      await self.clients.claim()
    })(),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (NEVER_CACHED.some((prefix) => url.pathname.startsWith(prefix))) return
  if (request.mode === 'navigate') {
    event.respondWith(pageLoad(request))
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request))
  }
})

function shellOf(pathname) {
  if (PHONE_PATH.test(pathname)) return PHONE_SHELL
  if (BOARD_PATH.test(pathname)) return BOARD_SHELL
  return SHELL
}

async function pageLoad(request) {
  const cache = await caches.open(CACHE)
  const shellPath = shellOf(new URL(request.url).pathname)
  try {
    const response = await fetchWithTimeout(request, NETWORK_TIMEOUT_MS)
    const type = response.headers.get('content-type') || ''
    // Keep the newest shell for the next offline load.
    if (response.ok && type.includes('text/html')) await cache.put(shellPath, response.clone())
    return response
  } catch (error) {
    const shell = await cache.match(shellPath)
    if (shell) return shell
    throw error
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

function fetchWithTimeout(request, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), timeoutMs)
    fetch(request).then(
      (response) => {
        clearTimeout(timer)
        resolve(response)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
