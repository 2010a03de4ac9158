import path from 'node:path'

/**
 * Server configuration, read once from the environment at start-up and
 * validated. README lists every variable with its default.
 */
export interface Config {
  port: number
  host: string
  /** Directory holding the SQLite store (`tablecloth.db`) and its WAL. */
  dataDir: string
  /** Public origin used to build absolute links (board, projector, phone). Defaults to http://localhost:<port>. */
  publicUrl: string | null
  /** A reverse proxy sits in front and its X-Forwarded-For names each client (TRUST_PROXY). */
  trustProxy: boolean
  /** Directory with the built client (`client/dist`). */
  clientDir: string
  /** tldraw licence key, handed to the client; required for https production domains. */
  tldrawLicenseKey: string | null
  /** Largest accepted websocket frame or HTTP body, in bytes. */
  maxMessageBytes: number
  /** Idle time after which an unused board doc is unloaded from memory. */
  roomIdleMs: number
  /** Bytes one board may take in the store (state plus log); beyond it edits are refused (MAX_BOARD_BYTES). */
  maxBoardBytes: number
  /** Days after the event date after which an event is deleted; 0 disables expiry. */
  retentionDays: number
  /** When set, creating an event needs this PIN in `X-Setup-Pin` (SETUP_PIN); for hosted servers. */
  setupPin: string | null
  /** Events one address may create per hour after a burst (EVENTS_PER_HOUR); 0 lifts the limit. */
  eventsPerHour: number
  /**
   * A PostgreSQL server to keep everything in instead of SQLite
   * (DATABASE_URL, postgres://…); several processes may share it.
   */
  databaseUrl: string | null
  /** Redis, through which processes sharing a store relay to each other (REDIS_URL, redis://…). */
  redisUrl: string | null
}

export class ConfigError extends Error {}

function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`)
  }
  return value
}

/**
 * A PIN travels as an HTTP header, so it must be printable ASCII; spaces are
 * refused too, since a header value loses its leading and trailing ones.
 */
const SETUP_PIN = /^[\x21-\x7E]{4,64}$/

function setupPin(env: NodeJS.ProcessEnv): string | null {
  const raw = env.SETUP_PIN
  if (raw === undefined || raw === '') return null
  if (!SETUP_PIN.test(raw)) {
    // The value itself stays out of the message: it is a secret, and start-up errors reach logs.
    const length = [...raw].length
    const why =
      length < 4 || length > 64
        ? `it has ${length}`
        : 'it holds a space or a character outside ASCII'
    throw new ConfigError(
      `SETUP_PIN must be 4 to 64 characters of letters, digits or ASCII punctuation, without spaces; ${why}`,
    )
  }
  return raw
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const serverDir = path.resolve(import.meta.dirname, '..')
  const publicUrl = env.PUBLIC_URL?.replace(/\/+$/, '') || null
  if (publicUrl && !/^https?:\/\/[^/]+$/.test(publicUrl)) {
    throw new ConfigError(
      `PUBLIC_URL must be an origin like https://cafe.example.org, got "${publicUrl}"`,
    )
  }
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    // `pnpm start` runs the server inside server/, but people mean the folder they typed the
    // command in: pnpm passes that as INIT_CWD, so `./data` is beside the README by default.
    dataDir: path.resolve(env.INIT_CWD || cwd, env.DATA_DIR || 'data'),
    publicUrl,
    trustProxy: ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').toLowerCase()),
    clientDir: path.resolve(env.CLIENT_DIR || path.join(serverDir, '..', 'client', 'dist')),
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY || null,
    maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    roomIdleMs: int(env, 'ROOM_IDLE_MS', 30_000, 0, 24 * 3600_000),
    maxBoardBytes: int(env, 'MAX_BOARD_BYTES', 16 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    retentionDays: int(env, 'RETENTION_DAYS', 0, 0, 3650),
    setupPin: setupPin(env),
    eventsPerHour: int(env, 'EVENTS_PER_HOUR', 20, 0, 100_000),
    ...sharedServices(env),
  }
}

/**
 * Redis relays between processes that share one store, so it makes sense
 * only with PostgreSQL; and several processes on PostgreSQL without Redis
 * would not see each other's edits, which the server cannot detect.
 */
function sharedServices(env: NodeJS.ProcessEnv): Pick<Config, 'databaseUrl' | 'redisUrl'> {
  const databaseUrl = env.DATABASE_URL || null
  const redisUrl = env.REDIS_URL || null
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL like postgres://user@host/db')
  }
  if (redisUrl !== null && !/^rediss?:\/\/\S+$/.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must be a Redis URL like redis://host:6379')
  }
  if (redisUrl !== null && databaseUrl === null) {
    throw new ConfigError(
      'REDIS_URL needs DATABASE_URL: processes relay through Redis only when they share a PostgreSQL store',
    )
  }
  return { databaseUrl, redisUrl }
}
