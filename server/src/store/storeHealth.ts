import type { SqlDb } from './sql/SqlDb'

/** Whether the store answers a query now, for /healthz; never throws. */
export function storeAnswers(db: SqlDb): boolean {
  try {
    return db.prepare('SELECT 1 AS ok').get() !== undefined
  } catch {
    return false
  }
}
