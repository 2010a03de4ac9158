import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { precompressPlugin } from '../../client/vite/precompressPlugin.ts'

/**
 * Built by the `client` bench (`bareTldraw.ts`, which passes the root and a
 * temp `build.outDir`) with the client's Vite and React plugin and otherwise
 * Vite's production defaults, as client/vite.config.ts leaves them. The
 * client's pre-compression writes the same brotli and gzip copies, so the
 * Tablecloth server sends both pages alike.
 */
export default defineConfig({
  plugins: [react(), precompressPlugin()],
  build: { chunkSizeWarningLimit: 2500 },
  logLevel: 'warn',
})
