import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'
import type * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { BOARD_DOC, BOARD_META, readBoardContents, type BoardDayState } from '@tablecloth/shared'
import { columnFrameId, noteRecord, recordsOf } from './eventBoards'
import { spawnServer, type ServerProcess } from './serverProcess'
import { createTestSchema, testDatabaseUrl, testRedisUrl, type TestSchema } from './sharedServices'

/**
 * Several real server processes (src/main.ts) sharing one PostgreSQL schema
 * and relaying through Redis, as a hosted Tablecloth runs behind a load
 * balancer: the pieces the cluster tests share.
 */

/** PostgreSQL and Redis for the cluster tests, or null on a machine without them (skip). */
export function sharedServices(): { databaseUrl: string; redisUrl: string } | null {
  const databaseUrl = testDatabaseUrl()
  const redisUrl = testRedisUrl()
  return databaseUrl === null || redisUrl === null ? null : { databaseUrl, redisUrl }
}

export interface ClusterNode {
  name: string
  process: ServerProcess
  origin: string
  wsOrigin: string
  /** Unused with PostgreSQL, but every process gets its own. */
  dataDir: string
}

export interface Cluster {
  schema: TestSchema
  /** Starts one more process on the shared store, e.g. one that replaces a killed one. */
  start(name: string): Promise<ClusterNode>
  /** Every process's log, for a test that failed. */
  logs(): string
  /** Stops every process still running, then drops the schema. */
  stop(): Promise<void>
}

/**
 * A fresh schema and `env` for every process. Redis is shared with every
 * other test: board channels are named after random event ids, so they never
 * meet, and the one key that is not random, the event-creation budget of
 * 127.0.0.1, is lifted (EVENTS_PER_HOUR=0), or runs within the hour would
 * use each other's up.
 */
export function startCluster(
  services: { databaseUrl: string; redisUrl: string },
  env: Record<string, string> = {},
): Cluster {
  const schema = createTestSchema(services.databaseUrl)
  const nodes: ClusterNode[] = []
  return {
    schema,
    async start(name) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tablecloth-${name}-`))
      const process = spawnServer(dataDir, {
        DATABASE_URL: schema.url,
        REDIS_URL: services.redisUrl,
        EVENTS_PER_HOUR: '0',
        ...env,
      })
      const origin = await process.listening
      const node = { name, process, origin, wsOrigin: origin.replace(/^http/, 'ws'), dataDir }
      nodes.push(node)
      return node
    },
    logs: () => nodes.map((node) => `--- ${node.name}\n${node.process.output()}`).join('\n'),
    async stop() {
      await Promise.all(nodes.map((node) => node.process.stop('SIGTERM')))
      schema.drop()
      for (const node of nodes) fs.rmSync(node.dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * JSON over HTTP or HTTPS with node's own client, so a test can trust a
 * self-signed certificate for one request (`agent`) without turning checks
 * off for the whole process.
 */
export function request(
  url: string,
  method: string,
  options: { token?: string; body?: unknown; agent?: http.Agent } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body)
  const headers: Record<string, string | number> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (payload !== undefined) {
    headers['content-type'] = 'application/json'
    headers['content-length'] = Buffer.byteLength(payload)
  }
  const client = url.startsWith('https:') ? https : http
  return new Promise((resolve, reject) => {
    const sent = client.request(url, { method, headers, agent: options.agent }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const json = (response.headers['content-type'] ?? '').includes('json')
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: json && text ? JSON.parse(text) : text,
        })
      })
    })
    sent.on('error', reject)
    sent.end(payload)
  })
}

/** Where the day stands on a board, as the server wrote it into the doc. */
export function dayOf(doc: Y.Doc): BoardDayState | undefined {
  return doc.getMap(BOARD_DOC.meta).get(BOARD_META.day) as BoardDayState | undefined
}

/**
 * Writes a note as the board page does, into the first question of the
 * station running on this board, so the results list it under that station.
 */
export function writeNote(doc: Y.Doc, id: string, text: string): void {
  const station = dayOf(doc)?.stationIndex ?? 0
  const parentId = columnFrameId(doc, station, 0)
  if (parentId === undefined) throw new Error(`the board shows no column of station ${station}`)
  recordsOf(doc).set(`shape:${id}`, noteRecord({ id: `shape:${id}`, parentId, x: 20, y: 60, text }))
}

/** The texts of the notes on a board, read as the results read them. */
export function noteTexts(doc: Y.Doc): string[] {
  const records = [...recordsOf(doc).map.values()].map((entry) => entry.val as TLRecord)
  return readBoardContents(records).notes.map((note) => note.text)
}

/**
 * Resolves once `check` holds, asking every 100 ms, for hooks, where
 * expect.poll is not available; rejects naming `what` after `timeoutMs`.
 */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting ${timeoutMs} ms for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
