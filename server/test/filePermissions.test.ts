import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backupDatabase, restoreDatabase } from '../src/store/backup'
import { openDatabase } from '../src/store/database'
import { DocStore } from '../src/store/docStore'
import { BoardEditor } from './docStoreContract'
import { tempDataDir } from './helpers/testRegistry'

/** The permission bits of a file or directory. */
const modeOf = (file: string) => fs.statSync(file).mode & 0o777

describe('files of the store and its backups', () => {
  const dirs: string[] = []
  const newDir = () => {
    const dir = tempDataDir()
    dirs.push(dir)
    return dir
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('are readable by the server user only: data directory 0700, database and its log files 0600', () => {
    const dataDir = path.join(newDir(), 'venue', 'data')
    const db = openDatabase(dataDir)
    try {
      new DocStore(db).append('evt/t1', new BoardEditor().note('n1', 'Geheimer Vorschlag'))
      expect(modeOf(path.dirname(dataDir))).toBe(0o700)
      expect(modeOf(dataDir)).toBe(0o700)
      for (const file of [
        'tablecloth.db',
        'tablecloth.db-wal',
        'tablecloth.db-shm',
        'tablecloth.lock',
      ]) {
        expect(modeOf(path.join(dataDir, file)), file).toBe(0o600)
      }
    } finally {
      db.close()
    }
  })

  it('narrow a world-readable database from before to 0600 when it is opened', () => {
    const dataDir = newDir()
    openDatabase(dataDir).close()
    fs.chmodSync(path.join(dataDir, 'tablecloth.db'), 0o644)

    openDatabase(dataDir).close()

    expect(modeOf(path.join(dataDir, 'tablecloth.db'))).toBe(0o600)
  })

  it('are written as backups 0600 into directories made 0700, and restored 0600', async () => {
    const dataDir = newDir()
    openDatabase(dataDir).close()
    const backups = path.join(newDir(), 'backups', 'day-1')
    const backup = path.join(backups, 'cafe.db')

    await backupDatabase(dataDir, backup)

    expect(modeOf(path.dirname(backups))).toBe(0o700)
    expect(modeOf(backups)).toBe(0o700)
    expect(modeOf(backup)).toBe(0o600)

    // A backup taken before modes were set, restored into a directory not yet there.
    fs.chmodSync(backup, 0o644)
    const restoredDir = path.join(newDir(), 'restored')
    restoreDatabase(restoredDir, backup)
    expect(modeOf(restoredDir)).toBe(0o700)
    expect(modeOf(path.join(restoredDir, 'tablecloth.db'))).toBe(0o600)
  })
})
