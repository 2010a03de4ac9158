import { randomBytes } from 'node:crypto'
import { migrate } from '../../src/store/migrations'
import { PostgresDb } from '../../src/store/sql/PostgresDb'

/**
 * The PostgreSQL server and Redis the shared-store tests run against:
 * TEST_DATABASE_URL and TEST_REDIS_URL, which `.ci/run` sets after starting
 * both (scripts/sharedServices.sh). On a developer's machine without them
 * those tests are skipped; in CI a missing one fails, so they cannot be
 * skipped without anyone noticing.
 */
export function testDatabaseUrl(): string | null {
  return required('TEST_DATABASE_URL')
}

export function testRedisUrl(): string | null {
  return required('TEST_REDIS_URL')
}

function required(name: string): string | null {
  const value = process.env[name] || null
  if (value === null && process.env.CI) {
    throw new Error(`${name} is not set: .ci/run starts PostgreSQL and Redis and sets it`)
  }
  return value
}

/**
 * A schema of its own in the test database, so tests never see each
 * other's rows: `url` connects with it as the search path.
 */
export interface TestSchema {
  url: string
  name: string
  drop(): void
}

export function createTestSchema(baseUrl: string): TestSchema {
  const name = `t_${randomBytes(6).toString('hex')}`
  adminOf(baseUrl).exec(`CREATE SCHEMA ${name}`)
  return {
    url: withSearchPath(baseUrl, name),
    name,
    drop: () => adminOf(baseUrl).exec(`DROP SCHEMA IF EXISTS ${name} CASCADE`),
  }
}

/** One connection per test file makes and drops the schemas; it ends with the file's worker. */
const admins = new Map<string, PostgresDb>()

function adminOf(baseUrl: string): PostgresDb {
  let admin = admins.get(baseUrl)
  if (admin === undefined) {
    admin = new PostgresDb(baseUrl)
    admins.set(baseUrl, admin)
  }
  return admin
}

/** Opens a migrated store in a schema. */
export function openTestPostgres(url: string): PostgresDb {
  const db = new PostgresDb(url)
  migrate(db)
  return db
}

function withSearchPath(baseUrl: string, schema: string): string {
  const url = new URL(baseUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return url.toString()
}

/**
 * A database of its own, for what works on a whole database (pg_dump,
 * pg_restore --clean). Dropped with whatever is still connected to it.
 */
export function createTestDatabase(baseUrl: string): { url: string; drop(): void } {
  const name = `tablecloth_${randomBytes(6).toString('hex')}`
  adminOf(baseUrl).exec(`CREATE DATABASE ${name}`)
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => adminOf(baseUrl).exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}
