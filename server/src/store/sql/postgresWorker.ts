import { parentPort, workerData } from 'node:worker_threads'
import pg from 'pg'
import type { PostgresAnswer, PostgresRequest, PostgresWorkerData } from './postgresProtocol'

/**
 * The thread that talks to PostgreSQL for one server process. It holds one
 * connection, so a transaction begun by the main thread stays on it, and it
 * answers one request at a time while the main thread waits (PostgresDb.ts).
 *
 * A connection that fails is dropped and the next request connects again,
 * so a PostgreSQL restart heals by itself. If it fails inside a transaction,
 * every request is refused until the main thread rolls back: statements must
 * never slip out of their transaction onto a fresh connection.
 */
const data = workerData as PostgresWorkerData
const signal = new Int32Array(data.signal)

// 64-bit integers (counts, sequence numbers, checksums) as numbers: every
// value the store keeps in them stays far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))

let client: pg.Client | null = null
let inTransaction = false
let lostInTransaction = false

parentPort!.on('message', (request: PostgresRequest) => {
  void answer(request).then((reply) => {
    data.port.postMessage(reply)
    Atomics.store(signal, 0, 1)
    Atomics.notify(signal, 0)
    if (request.op === 'close') process.exit(0)
  })
})

async function answer(request: PostgresRequest): Promise<PostgresAnswer> {
  try {
    const { rows, changes } = await carryOut(request)
    return { id: request.id, ok: true, rows, changes }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    return {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      code: typeof code === 'string' ? code : 'POSTGRES_ERROR',
    }
  }
}

async function carryOut(request: PostgresRequest): Promise<{ rows: unknown[]; changes: number }> {
  switch (request.op) {
    case 'close':
      await client?.end().catch(() => {})
      return { rows: [], changes: 0 }
    case 'rollback':
      inTransaction = false
      if (lostInTransaction) {
        lostInTransaction = false
        return { rows: [], changes: 0 }
      }
      await (await connection()).query('ROLLBACK')
      return { rows: [], changes: 0 }
    case 'begin': {
      const open = await connection()
      await open.query('BEGIN')
      inTransaction = true
      return { rows: [], changes: 0 }
    }
    case 'commit':
      await (await connection()).query('COMMIT')
      inTransaction = false
      return { rows: [], changes: 0 }
    case 'exec':
      await (await connection()).query(request.sql)
      return { rows: [], changes: 0 }
    case 'query': {
      const result = await (await connection()).query(request.sql, request.params.map(toPg))
      return { rows: result.rows, changes: result.rowCount ?? 0 }
    }
  }
}

async function connection(): Promise<pg.Client> {
  if (lostInTransaction) {
    throw Object.assign(new Error('the connection to PostgreSQL was lost in a transaction'), {
      code: 'CONNECTION_LOST',
    })
  }
  if (client !== null) return client
  const fresh = new pg.Client({
    connectionString: data.url,
    connectionTimeoutMillis: data.connectTimeoutMs,
    statement_timeout: data.statementTimeoutMs,
    keepAlive: true,
    application_name: 'tablecloth',
  })
  // A dropped connection is forgotten; the next request opens another.
  fresh.on('error', () => forget(fresh))
  fresh.on('end', () => forget(fresh))
  try {
    await fresh.connect()
  } catch (error) {
    forget(fresh)
    throw error
  }
  client = fresh
  return fresh
}

function forget(dropped: pg.Client): void {
  if (client !== dropped) return
  client = null
  if (inTransaction) lostInTransaction = true
  dropped.end().catch(() => {})
}

/** Bytes arrive from the main thread as Uint8Array; pg sends Buffers as bytea. */
function toPg(value: unknown): unknown {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
  }
  return value
}
