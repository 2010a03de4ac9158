import { defineConfig } from 'vitest/config'

// One run covers every package's unit and integration tests; e2e runs under Playwright.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['shared/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
          // Many server tests start real processes and sockets; a busy CI machine
          // (load ~10 on 2 cores) makes that slow, so the ceilings are generous.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'client',
          include: ['client/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Rendering whole pages in happy-dom takes seconds when the machine is busy.
          testTimeout: 30_000,
        },
      },
    ],
  },
})
