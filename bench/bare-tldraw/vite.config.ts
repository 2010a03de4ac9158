import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * Built by the `client` bench (`bareTldraw.ts`, which passes the root and a
 * temp `build.outDir`) with the client's Vite and React plugin and otherwise
 * Vite's production defaults, as client/vite.config.ts leaves them.
 */
export default defineConfig({
  plugins: [react()],
  build: { chunkSizeWarningLimit: 2500 },
  logLevel: 'warn',
})
