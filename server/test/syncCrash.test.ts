import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { docMatches, openBoard, synced, type BoardProvider } from './helpers/boardProvider'
import { tempDataDir } from './helpers/testRegistry'

const SERVER_DIR = path.resolve(import.meta.dirname, '..')
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'syncServerProcess.ts')
const ROOM = 'evt/t1'

const children: ChildProcess[] = []
const boards: BoardProvider[] = []
const dataDir = tempDataDir()

afterEach(async () => {
  for (const board of boards.splice(0)) board.destroy()
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue
    const gone = exited(child)
    child.kill('SIGKILL')
    await gone
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** Starts the sync server in its own process and resolves with its URL once it listens. */
function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir], {
    cwd: SERVER_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening (\d+)/.exec(output)
      if (match) resolve({ child, url: `ws://127.0.0.1:${match[1]}/sync` })
    })
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)))
  })
}

function open(url: string): BoardProvider {
  const board = openBoard(url, ROOM, 'any-token')
  boards.push(board)
  return board
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

it('keeps an edit a peer has seen when the server is killed right after', async () => {
  const first = await startServerProcess(dataDir)
  const a = open(first.url)
  const b = open(first.url)
  await Promise.all([synced(a), synced(b)])

  a.doc.getMap('notes').set('n1', 'seen before the crash')
  await docMatches(b, (doc) => doc.getMap('notes').get('n1') === 'seen before the crash')
  const gone = exited(first.child)
  first.child.kill('SIGKILL')
  await gone
  for (const board of boards.splice(0)) board.destroy()

  const second = await startServerProcess(dataDir)
  const fresh = open(second.url)

  await docMatches(fresh, (doc) => doc.getMap('notes').get('n1') === 'seen before the crash')
  expect(fresh.doc.getMap('notes').toJSON()).toEqual({ n1: 'seen before the crash' })
})
