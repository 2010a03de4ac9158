import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { serviceWorkerPlugin } from './vite/serviceWorkerPlugin.ts'

/** The Tablecloth server the dev server hands API calls and sync sockets to. */
const SERVER = 'http://localhost:8080'

export default defineConfig({
  plugins: [react(), serviceWorkerPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The board chunk is mostly tldraw (about 2 MB). It is split off from the
    // other pages and cached by the service worker, so its size is expected.
    chunkSizeWarningLimit: 2500,
  },
  optimizeDeps: {
    // Its `?url` imports are Vite's to resolve; the dependency pre-bundler cannot load them.
    exclude: ['@tldraw/assets'],
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/healthz': SERVER,
      '/sync': { target: SERVER, ws: true },
    },
  },
})
