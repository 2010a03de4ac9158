import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { boardShellPlugin } from './vite/boardShellPlugin.ts'
import { phonePagePlugin } from './vite/phonePagePlugin.ts'
import { precompressPlugin } from './vite/precompressPlugin.ts'
import { serviceWorkerPlugin } from './vite/serviceWorkerPlugin.ts'

/** The Tablecloth server the dev server hands API calls and sync sockets to. */
const SERVER = 'http://localhost:8080'

export default defineConfig({
  plugins: [
    react(),
    serviceWorkerPlugin(),
    phonePagePlugin(),
    boardShellPlugin(),
    precompressPlugin(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The board chunk is mostly tldraw (about 2 MB). It is split off from the
    // other pages and cached by the service worker, so its size is expected.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      // Three shells: the app (control room, setup, gallery, projector), the same app for
      // a moderator's board link with tldraw preloaded, and the participants' phone page,
      // which must stay small and never pull in tldraw or Yjs.
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        board: fileURLToPath(new URL('board.html', import.meta.url)),
        phone: fileURLToPath(new URL('phone.html', import.meta.url)),
      },
    },
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
