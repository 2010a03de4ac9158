import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp, type App } from '../../src/app'
import { readConfig, type Config } from '../../src/config'
import { type CreateEventResponse, roomName, winnendenTemplate } from '@tablecloth/shared'
import { type BoardProvider, openBoard } from './boardProvider'

export interface TestServer {
  app: App
  origin: string
  wsOrigin: string
  dataDir: string
  config: Config
  close(): Promise<void>
}

/** A real server on a free loopback port with its own SQLite store in a temp dir. */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-test-')),
  log: (line: string) => void = () => {},
): Promise<TestServer> {
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env })
  const app = createApp(config, log)
  const origin = await app.listen()
  return {
    app,
    origin,
    wsOrigin: origin.replace(/^http/, 'ws'),
    dataDir,
    config,
    close: () => app.close(),
  }
}

/** fetch against the test server with JSON in and out. */
export async function api(
  server: TestServer,
  method: string,
  pathname: string,
  options: { token?: string; body?: unknown; rawBody?: string; contentType?: string } = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined
  if (options.rawBody !== undefined) body = options.rawBody
  else if (options.body !== undefined) body = JSON.stringify(options.body)
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json'
  const response = await fetch(server.origin + pathname, { method, headers, body })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

/** Creates the reference day's event on `server` as the setup page does; expects 201. */
export async function createReferenceEvent(server: TestServer): Promise<CreateEventResponse> {
  const { status, body } = await api(server, 'POST', '/api/events', { body: winnendenTemplate() })
  if (status !== 201) throw new Error(`creating the event answered ${status}`)
  return body as CreateEventResponse
}

/** The stock provider on the first table's board with its moderator link; `track` gets it to destroy later. */
export function openFirstTable(
  server: TestServer,
  event: CreateEventResponse,
  track: (board: BoardProvider) => void,
): BoardProvider {
  const table = event.links.tables[0]!
  const board = openBoard(
    `${server.wsOrigin}/sync`,
    roomName(event.id, table.id),
    table.tokens.moderator,
  )
  track(board)
  return board
}
