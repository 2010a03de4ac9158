import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import pg from 'pg'
import { readCpuSeconds } from '../processUsage'

/**
 * The PostgreSQL and Redis the `cluster` scenario runs our server on:
 * BENCH_DATABASE_URL and BENCH_REDIS_URL, or else the test services'
 * TEST_DATABASE_URL and TEST_REDIS_URL (`. scripts/sharedServices.sh`).
 */
export interface SharedServices {
  databaseUrl: string
  redisUrl: string
}

export function sharedServicesFromEnv(env: NodeJS.ProcessEnv = process.env): SharedServices | null {
  const databaseUrl = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL
  const redisUrl = env.BENCH_REDIS_URL || env.TEST_REDIS_URL
  return databaseUrl && redisUrl ? { databaseUrl, redisUrl } : null
}

/**
 * A fresh schema for one server setup, so every setup starts from an empty
 * store. The servers connect with `url`, which names the schema as search
 * path and a tag as application name: that tag finds their connections'
 * backend processes, whose CPU is the store's share of the work.
 */
export interface BenchSchema {
  url: string
  /** Updates logged so far on every board (the sum of the boards' update numbers). */
  updatesLogged(): Promise<number>
  /** CPU seconds the PostgreSQL backends serving the servers spent so far. */
  backendCpuSeconds(): Promise<number>
  /** One `SELECT 1` from the bench, in ms: at least what each synchronous store call waits. */
  roundTrip(): Promise<number>
  drop(): Promise<void>
}

/** Times a PostgreSQL round trip every `everyMs` until `stop()`, which gives the samples. */
export function sampleRoundTrips(
  schema: Pick<BenchSchema, 'roundTrip'>,
  everyMs = 100,
): { stop(): Promise<number[]> } {
  const samples: number[] = []
  let pending: Promise<void> = Promise.resolve()
  const timer = setInterval(() => {
    // One at a time, on the bench's one connection.
    pending = pending.then(() =>
      schema.roundTrip().then(
        (ms) => {
          samples.push(ms)
        },
        () => {},
      ),
    )
  }, everyMs)
  return {
    async stop() {
      clearInterval(timer)
      await pending
      return samples
    },
  }
}

export async function createBenchSchema(baseUrl: string): Promise<BenchSchema> {
  const name = `bench_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: baseUrl, application_name: 'tablecloth-bench' })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${name}`)
  const url = new URL(baseUrl)
  url.searchParams.set('options', `-c search_path=${name}`)
  // The server names its connection 'tablecloth'; a parameter in the URL takes precedence.
  url.searchParams.set('application_name', name)
  return {
    url: url.toString(),
    async updatesLogged() {
      const exists = await admin.query('SELECT to_regclass($1) AS t', [`${name}.doc_heads`])
      if (exists.rows[0]?.t === null) return 0
      const result = await admin.query(`SELECT coalesce(sum(seq), 0) AS n FROM ${name}.doc_heads`)
      return Number(result.rows[0]?.n ?? 0)
    },
    async backendCpuSeconds() {
      const result = await admin.query(
        'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
        [name],
      )
      let seconds = 0
      for (const row of result.rows as Array<{ pid: number }>) {
        try {
          seconds += readCpuSeconds(row.pid)
        } catch {
          // PostgreSQL on another host, or a backend that just ended: not counted.
        }
      }
      return seconds
    },
    async roundTrip() {
      const startedAt = performance.now()
      await admin.query('SELECT 1')
      return performance.now() - startedAt
    },
    async drop() {
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)
      } finally {
        await admin.end()
      }
    },
  }
}

/** Redis's own counters, read over a connection of the bench's own. */
export interface RedisCounters {
  /** PUBLISH commands served so far, by anyone. */
  publishes: number
  /** Commands of any kind served so far. */
  commands: number
  /** Redis's user plus system CPU so far, in seconds. */
  cpuSeconds: number
}

export interface RedisWatch {
  read(): Promise<RedisCounters>
  close(): Promise<void>
}

export async function watchRedis(url: string): Promise<RedisWatch> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await redis.connect()
  return {
    async read() {
      // The default sections leave the command statistics out.
      const info = await redis.info('all')
      const field = (pattern: RegExp) => Number(pattern.exec(info)?.[1] ?? Number.NaN)
      return {
        // Redis lists a command's statistics once it has been called.
        publishes: Number(/^cmdstat_publish:calls=(\d+)/m.exec(info)?.[1] ?? 0),
        commands: field(/^total_commands_processed:(\d+)/m),
        cpuSeconds: field(/^used_cpu_user:([\d.]+)/m) + field(/^used_cpu_sys:([\d.]+)/m),
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
