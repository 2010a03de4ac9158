import {
  type MessagePort,
  MessageChannel,
  receiveMessageOnPort,
  type Worker,
} from 'node:worker_threads'
import { startWorker, workerBeside } from '../../platform/workerFiles'
import { PostgresError } from './engineErrors'
import type { PostgresAnswer, PostgresRequest, PostgresWorkerData } from './postgresProtocol'
import { toPostgresPlaceholders } from './postgresPlaceholders'
import type { SqlDb, SqlStatement } from './SqlDb'

export interface PostgresOptions {
  /** Longest a statement may run before PostgreSQL cancels it. */
  statementTimeoutMs?: number
  connectTimeoutMs?: number
}

/** What the main thread allows beyond the statement timeout before it gives the worker up. */
const ANSWER_GRACE_MS = 5_000

/**
 * A PostgreSQL store with the calls of SqlDb, answered synchronously.
 *
 * The queries run in a worker thread (postgresWorker.ts) on one connection;
 * this thread posts a request and waits on a shared flag until the answer
 * is on its port. That keeps the sync core's rule intact on a shared store:
 * an update is committed in PostgreSQL before the same tick relays it, and
 * no other frame can come in between. The price is one round trip of
 * waiting per call, measured in `pnpm bench -- cluster` (docs/scaling.md).
 *
 * A worker that does not answer in time is ended and replaced; the call
 * fails with code TIMEOUT, and whatever needed it is refused, never lost.
 */
export class PostgresDb implements SqlDb {
  readonly engine = 'postgres'
  private worker!: Worker
  private port!: MessagePort
  private readonly signal = new Int32Array(new SharedArrayBuffer(4))
  private readonly statementTimeoutMs: number
  private readonly connectTimeoutMs: number
  private readonly sqlCache = new Map<string, string>()
  private nextId = 1
  private depth = 0
  private closed = false

  constructor(
    private readonly url: string,
    options: PostgresOptions = {},
  ) {
    this.statementTimeoutMs = options.statementTimeoutMs ?? 10_000
    this.connectTimeoutMs = options.connectTimeoutMs ?? 5_000
    this.startWorker()
  }

  prepare(sql: string): SqlStatement {
    const text = this.translate(sql)
    const query = (params: unknown[]) => this.call({ op: 'query', sql: text, params })
    return {
      run: (...params) => ({ changes: query(params).changes }),
      get: (...params) => query(params).rows[0],
      all: (...params) => query(params).rows,
    }
  }

  exec(sql: string): void {
    this.call({ op: 'exec', sql })
  }

  transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T {
    return (...args) => {
      const outermost = this.depth === 0
      const savepoint = `nested_${this.depth}`
      if (outermost) this.call({ op: 'begin' })
      else this.exec(`SAVEPOINT ${savepoint}`)
      this.depth++
      try {
        const result = fn(...args)
        this.depth--
        if (outermost) this.call({ op: 'commit' })
        else this.exec(`RELEASE SAVEPOINT ${savepoint}`)
        return result
      } catch (error) {
        this.depth = outermost ? 0 : this.depth - 1
        this.undo(outermost, savepoint)
        throw error
      }
    }
  }

  lockKey(key: string): void {
    this.prepare('SELECT pg_advisory_xact_lock(hashtext(?))').get(key)
  }

  /**
   * Deleted rows leave every query at once; PostgreSQL's autovacuum then
   * frees their space. A VACUUM here would hold this thread for as long as
   * it runs (docs/operations.md, "Data protection").
   */
  purgeDeleted(): void {}

  close(): void {
    if (this.closed) return
    try {
      this.call({ op: 'close' })
    } catch {
      // Ending anyway.
    }
    this.closed = true
    void this.worker.terminate()
  }

  /** Rolls back after a failure; a rollback that fails too leaves the first error to report. */
  private undo(outermost: boolean, savepoint: string): void {
    try {
      if (outermost) this.call({ op: 'rollback' })
      else this.exec(`ROLLBACK TO SAVEPOINT ${savepoint}`)
    } catch {
      // The original error says more.
    }
  }

  private translate(sql: string): string {
    let text = this.sqlCache.get(sql)
    if (text === undefined) {
      text = toPostgresPlaceholders(sql)
      this.sqlCache.set(sql, text)
    }
    return text
  }

  private call(request: DistributiveOmit<PostgresRequest, 'id'>): {
    rows: unknown[]
    changes: number
  } {
    if (this.closed) throw new PostgresError('the store is closed', 'CLOSED')
    const id = this.nextId++
    Atomics.store(this.signal, 0, 0)
    this.worker.postMessage({ ...request, id })
    const limit = this.statementTimeoutMs + this.connectTimeoutMs + ANSWER_GRACE_MS
    const deadline = Date.now() + limit
    for (;;) {
      const message = receiveMessageOnPort(this.port)
      if (message !== undefined) {
        const answer = message.message as PostgresAnswer
        // An answer to a request given up on earlier is skipped.
        if (answer.id !== id) continue
        if (!answer.ok) throw new PostgresError(answer.message, answer.code)
        return answer
      }
      const left = deadline - Date.now()
      if (left <= 0 || Atomics.wait(this.signal, 0, 0, left) === 'timed-out') break
      Atomics.store(this.signal, 0, 0)
    }
    this.replaceWorker()
    throw new PostgresError(`PostgreSQL did not answer within ${limit} ms`, 'TIMEOUT')
  }

  private startWorker(): void {
    const { port1, port2 } = new MessageChannel()
    const file = workerBeside(import.meta.url, 'postgresWorker')
    const workerData: PostgresWorkerData = {
      url: this.url,
      port: port2,
      signal: this.signal.buffer as SharedArrayBuffer,
      statementTimeoutMs: this.statementTimeoutMs,
      connectTimeoutMs: this.connectTimeoutMs,
    }
    this.worker = startWorker(file, { workerData, transferList: [port2] })
    // The worker never keeps the process alive on its own: `close` ends it.
    this.worker.unref()
    this.worker.on('error', () => {})
    this.port = port1
    this.port.unref()
  }

  /** A worker that stopped answering is ended; a transaction it held is gone with it. */
  private replaceWorker(): void {
    void this.worker.terminate()
    this.depth = 0
    this.startWorker()
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
