import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { BOARD_DOC, stationFrameId, winnendenTemplate, type Results } from '@tablecloth/shared'
import { BackupError, backupDatabase, restoreDatabase } from '../src/store/backup'
import { until } from './helpers/boardProvider'
import { noteRecord, useEventBoards } from './helpers/eventBoards'
import { api, startTestServer } from './helpers/testServer'

const run = promisify(execFile)
const serverDir = path.resolve(import.meta.dirname, '..')

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
        noteRecord({ id: `shape:n${index}`, parentId: frame, x: 40, y: 40 + index, text: `Notiz ${index} – Größe „ok“` }),
      )
    for (let index = 0; index < 20; index++) write(index)
    // The 20 notes are stored once the server has relayed them back to another client.
    const observer = await boards.openTable(event, 0)
    const stored = () => new YKeyValue<TLRecord>(observer.doc.getArray(BOARD_DOC.records))
    await until(observer.doc, () => [...stored().map.keys()].filter((id) => id.startsWith('shape:n')).length === 20)

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
      const results = await api(server, 'GET', `/api/events/${event.id}/results.json`, { token: event.organiserToken })
      expect(results.status).toBe(200)
      const notes = (results.body as Results).tables[0]!.stations[0]!.columns[0]!.notes.map((note) => note.text)
      for (let index = 0; index < 20; index++) expect(notes).toContain(`Notiz ${index} – Größe „ok“`)
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
      expect((await api(server, 'GET', `/api/events/${event.id}`, { token: event.organiserToken })).status).toBe(200)
      expect((await api(server, 'GET', `/api/events/${otherEvent.body.id}`, { token: otherEvent.body.organiserToken })).status).toBe(404)
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
})
