/** Where the built service worker is served; see vite/serviceWorkerPlugin.ts. */
export const SERVICE_WORKER_URL = '/sw.js'

/**
 * Installs our service worker, which keeps the app shell and its assets on
 * this device so a board still opens when the server cannot be reached.
 * Browsers allow service workers only on https and on localhost; on a plain
 * http venue network the board still works offline once open, but cannot
 * be reloaded without the server.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) {
    console.info('No service worker (needs https or localhost); offline reloads are unavailable')
    return
  }
  const register = () => {
    navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' }).catch((error: unknown) => {
      console.warn('Service worker not installed; offline reloads are unavailable', error)
    })
  }
  // After the page has loaded, so its own requests come first. A board link renders the app
  // only once the board page has run (boardMain.tsx), which can be after `load` fired.
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
