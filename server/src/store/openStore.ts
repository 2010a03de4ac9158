import type { Config } from '../config'
import { openDatabase } from './database'
import { migrate } from './migrations'
import { PostgresDb } from './sql/PostgresDb'
import type { SqlDb } from './sql/SqlDb'

/**
 * The store the configuration names: PostgreSQL when DATABASE_URL is set,
 * shared by every process pointed at it; otherwise SQLite in the data
 * directory, which one process holds (storeLock.ts). Either way the schema
 * is brought up to date before it is returned.
 */
export function openStore(config: Pick<Config, 'dataDir' | 'databaseUrl'>): SqlDb {
  if (config.databaseUrl === null) return openDatabase(config.dataDir)
  const db = new PostgresDb(config.databaseUrl)
  try {
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
