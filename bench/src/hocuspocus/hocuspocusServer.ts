/**
 * Hocuspocus 3 as a user would scale it out: the stock server with the Redis
 * extension, nothing else (no persistence, no auth). Run as its own process
 * (`PORT`, `HOST`, `REDIS_URL`, `REDIS_PREFIX`); it announces its address on
 * stdout like our server does.
 */
import { Redis } from '@hocuspocus/extension-redis'
import { Server } from '@hocuspocus/server'

async function main(): Promise<void> {
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
  const host = process.env.HOST ?? '127.0.0.1'
  const server = new Server({
    port: Number(process.env.PORT ?? 0),
    address: host,
    quiet: true,
    extensions: [
      new Redis({
        host: redis.hostname,
        port: Number(redis.port || 6379),
        // Every run gets its own keys and channels on a Redis others may use too.
        prefix: process.env.REDIS_PREFIX ?? 'hocuspocus-bench',
      }),
    ],
  })
  await server.listen()
  console.log(`Hocuspocus listening on http://${host}:${server.address.port}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
