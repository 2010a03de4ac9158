import type { MessagePort } from 'node:worker_threads'

/**
 * What the main thread asks of the PostgreSQL worker (postgresWorker.ts) and
 * what it answers. One request is in flight at a time: the main thread waits
 * for each answer.
 */
export type PostgresRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[] }
  /** Statements without parameters, in one round trip (migrations). */
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'begin' | 'commit' | 'rollback' }
  | { id: number; op: 'close' }

export type PostgresAnswer =
  | { id: number; ok: true; rows: unknown[]; changes: number }
  | { id: number; ok: false; message: string; code: string }

/** What the worker is started with. */
export interface PostgresWorkerData {
  url: string
  /** Answers go through this port, read with receiveMessageOnPort while the main thread waits. */
  port: MessagePort
  /** One Int32: the worker sets it to 1 and notifies when an answer is on the port. */
  signal: SharedArrayBuffer
  /** Longest a statement may run before PostgreSQL cancels it. */
  statementTimeoutMs: number
  connectTimeoutMs: number
}
