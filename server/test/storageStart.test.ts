import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { storageProblem } from '../src/store/storageProblem'

const run = promisify(execFile)
const serverDir = path.resolve(import.meta.dirname, '..')

describe('a data directory the server cannot use', () => {
  it('stops the server at start with a sentence naming the directory and the reason', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-notdir-'))
    const file = path.join(parent, 'a-file')
    fs.writeFileSync(file, 'not a directory')
    const dataDir = path.join(file, 'data')
    const failed = await run('npx', ['tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, DATA_DIR: dataDir, INIT_CWD: serverDir, PORT: '0', HOST: '127.0.0.1' },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failed?.code).toBe(1)
    expect(failed?.stderr).toContain(`Cannot start: Cannot use the data directory ${dataDir}`)
    expect(failed?.stderr).toContain('ENOTDIR')
  })

  it('names full disks, read-only stores and damaged files', () => {
    expect(storageProblem({ code: 'SQLITE_FULL' }, '/srv/data')).toBe(
      'Cannot use the data directory /srv/data: the disk is full (SQLITE_FULL).',
    )
    expect(storageProblem({ code: 'EROFS' }, '/srv/data')).toContain('read-only file system')
    expect(storageProblem({ code: 'SQLITE_NOTADB' }, '/srv/data')).toContain(
      'not a Tablecloth database',
    )
    expect(storageProblem(new Error('something else'), '/srv/data')).toBeNull()
  })
})
