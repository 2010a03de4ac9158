import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { BOARD_DOC, stationFrameId, winnendenTemplate, type Results } from '@tablecloth/shared'
import { BackupError, backupDatabase, restoreDatabase } from '../src/store/backup'
import { until } from './helpers/boardProvider'
import { noteRecord, useEventBoards } from './helpers/eventBoards'
import { spawnServer, type ServerProcess } from './helpers/serverProcess'
import { api, startTestServer } from './helpers/testServer'

const run = promisify(execFile)
const serverDir = path.resolve(import.meta.dirname, '..')

/** `pnpm restore <file>` on `dataDir` with `env`; resolves with its exit code and output. */
async function restoreCli(
  dataDir: string,
  file: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return run('npx', ['tsx', 'src/tools/restore.ts', file], {
    cwd: serverDir,
    env: { ...process.env, DATA_DIR: dataDir, INIT_CWD: serverDir, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  )
}

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tablecloth-${name}-`))
}

describe('backup and restore', () => {
  const boards = useEventBoards()

  it('takes an online backup while a board is being written, and a restored store serves the event', async () => {
    const event = await boards.createEvent()
    const board = await boards.openTable(event, 0)
    const view = await boards.api('GET', `/api/events/${event.id}`, { token: event.organiserToken })
    const frame = stationFrameId(view.body.config.stations[0].id as string, 0)
    const records = new YKeyValue<TLRecord>(board.doc.getArray(BOARD_DOC.records))
    const write = (index: number) =>
      records.set(
        `shape:n${index}`,
        noteRecord({
          id: `shape:n${index}`,
          parentId: frame,
          x: 40,
          y: 40 + index,
          text: `Notiz ${index} – Größe „ok“`,
        }),
      )
    for (let index = 0; index < 20; index++) write(index)
    // The 20 notes are stored once the server has relayed them back to another client.
    const observer = await boards.openTable(event, 0)
    const stored = () => new YKeyValue<TLRecord>(observer.doc.getArray(BOARD_DOC.records))
    await until(
      observer.doc,
      () => [...stored().map.keys()].filter((id) => id.startsWith('shape:n')).length === 20,
    )

    // The server keeps writing while the backup runs.
    const target = path.join(tempDir('backup'), 'nested', 'tablecloth.db')
    const writing = (async () => {
      for (let index = 20; index < 60; index++) {
        write(index)
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    })()
    const summary = await backupDatabase(boards.server().dataDir, target)
    await writing
    expect(summary.events).toBe(1)
    expect(summary.bytes).toBeGreaterThan(0)

    const restoredDir = tempDir('restored')
    const restored = restoreDatabase(restoredDir, target)
    expect(restored.kept).toBeNull()
    const server = await startTestServer({}, restoredDir)
    try {
      const results = await api(server, 'GET', `/api/events/${event.id}/results.json`, {
        token: event.organiserToken,
      })
      expect(results.status).toBe(200)
      const notes = (results.body as Results).tables[0]!.stations[0]!.columns[0]!.notes.map(
        (note) => note.text,
      )
      for (let index = 0; index < 20; index++)
        expect(notes).toContain(`Notiz ${index} – Größe „ok“`)
    } finally {
      await server.close()
    }
  })

  it('keeps the database a restore replaces, and refuses what is not a sound backup', async () => {
    const event = await boards.createEvent()
    const target = path.join(tempDir('backup'), 'one.db')
    await backupDatabase(boards.server().dataDir, target)
    await expect(backupDatabase(boards.server().dataDir, target)).rejects.toThrow(/exists already/)

    // Restore over a store that has another event: that store is kept, not lost.
    const otherDir = tempDir('other')
    const other = await startTestServer({}, otherDir)
    const otherEvent = await api(other, 'POST', '/api/events', { body: winnendenTemplate() })
    await other.close()
    const restored = restoreDatabase(otherDir, target)
    expect(restored.kept).toMatch(/tablecloth\.db\.before-restore-/)
    const server = await startTestServer({}, otherDir)
    try {
      expect(
        (await api(server, 'GET', `/api/events/${event.id}`, { token: event.organiserToken }))
          .status,
      ).toBe(200)
      expect(
        (
          await api(server, 'GET', `/api/events/${otherEvent.body.id}`, {
            token: otherEvent.body.organiserToken,
          })
        ).status,
      ).toBe(404)
    } finally {
      await server.close()
    }
    expect(fs.existsSync(restored.kept!)).toBe(true)

    const garbage = path.join(tempDir('garbage'), 'garbage.db')
    fs.writeFileSync(garbage, 'not a database at all')
    expect(() => restoreDatabase(tempDir('target'), garbage)).toThrow(BackupError)
    const truncated = path.join(tempDir('truncated'), 'truncated.db')
    fs.writeFileSync(truncated, fs.readFileSync(target).subarray(0, 2048))
    expect(() => restoreDatabase(tempDir('target'), truncated)).toThrow(BackupError)
  })

  it('is what `pnpm backup` and `pnpm restore` do from the command line', async () => {
    await boards.createEvent()
    const dataDir = boards.server().dataDir
    const target = path.join(tempDir('cli'), 'cli.db')
    const backup = await run('npx', ['tsx', 'src/tools/backup.ts', target], {
      cwd: serverDir,
      env: { ...process.env, DATA_DIR: dataDir, INIT_CWD: serverDir },
    })
    expect(backup.stdout).toContain('Backup written')
    expect(backup.stdout).toContain('1 events')

    const restoreDir = tempDir('cli-restore')
    const restore = await run('npx', ['tsx', 'src/tools/restore.ts', target], {
      cwd: serverDir,
      env: { ...process.env, DATA_DIR: restoreDir, INIT_CWD: serverDir, PORT: '1' },
    })
    expect(restore.stdout).toContain('Restored 1 events')
    expect(fs.existsSync(path.join(restoreDir, 'tablecloth.db'))).toBe(true)
  })

  describe('while a server holds the data directory', () => {
    const processes: ServerProcess[] = []
    afterEach(async () => {
      await Promise.all(processes.splice(0).map((server) => server.stop('SIGKILL')))
    })

    /** A backup of one event, and a data directory a server process is running on. */
    async function setUp(): Promise<{ backup: string; dataDir: string; server: ServerProcess }> {
      await boards.createEvent()
      const backup = path.join(tempDir('held'), 'one.db')
      await backupDatabase(boards.server().dataDir, backup)
      const dataDir = path.join(tempDir('held-data'), 'data')
      const server = spawnServer(dataDir, { HOST: '127.0.0.1' })
      processes.push(server)
      await server.listening
      return { backup, dataDir, server }
    }

    it('refuses `pnpm restore` whatever PORT and HOST say, and restores once the server stopped', async () => {
      const { backup, dataDir, server } = await setUp()

      // Neither names the running server's address: only the lock can tell.
      const refused = await restoreCli(dataDir, backup, { PORT: '1', HOST: '127.0.0.3' })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain(
        `Restore failed: A Tablecloth server is using ${dataDir}. Stop it first, then restore.`,
      )
      expect(fs.readdirSync(dataDir).filter((name) => name.includes('before-restore'))).toEqual([])

      expect((await server.stop('SIGTERM')).code).toBe(0)
      const restored = await restoreCli(dataDir, backup, { PORT: '1' })
      expect(restored.stdout).toContain('Restored 1 events')
    })

    it('restores after the server was killed with SIGKILL: the lock dies with it', async () => {
      const { backup, dataDir, server } = await setUp()

      await server.stop('SIGKILL')

      const restored = await restoreCli(dataDir, backup)
      expect(restored.stdout).toContain('Restored 1 events')
      expect(restored.stdout).toContain('The database it replaced is kept as')
    })

    it('refuses a restore from within the process that holds the directory', async () => {
      await boards.createEvent()
      const backup = path.join(tempDir('held'), 'one.db')
      await backupDatabase(boards.server().dataDir, backup)
      const dataDir = boards.server().dataDir
      expect(() => restoreDatabase(dataDir, backup)).toThrow(
        new BackupError(`A Tablecloth server is using ${dataDir}. Stop it first, then restore.`),
      )
    })
  })
})
