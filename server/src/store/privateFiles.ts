import fs from 'node:fs'

/**
 * Files and directories readable by the server's user only. The store and
 * its backups hold personal data (notes, names in notes, link tokens); on a
 * shared machine no other account may read them.
 *
 * Modes are given at creation, so there is no moment in which a file exists
 * with wider permissions. A process umask can only narrow them further.
 */

/** Owner may read, write and enter; nobody else anything. */
export const PRIVATE_DIR_MODE = 0o700
/** Owner may read and write; nobody else anything. */
export const PRIVATE_FILE_MODE = 0o600

/** Creates `dir` and any missing parents with PRIVATE_DIR_MODE; leaves existing ones as they are. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
}

/**
 * Creates `file` empty with PRIVATE_FILE_MODE unless it exists. Never opens
 * an existing file: closing any descriptor of a file drops every POSIX lock
 * this process holds on it, and SQLite's locks are POSIX locks.
 */
export function createPrivateFile(file: string): void {
  try {
    fs.writeFileSync(file, '', { flag: 'wx', mode: PRIVATE_FILE_MODE })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}

/**
 * Narrows an existing file of ours to PRIVATE_FILE_MODE, for stores created
 * before modes were set. Files of another user are left alone: chmod would
 * fail, and whether they may be read is that user's decision. Missing files
 * are skipped.
 */
export function restrictToOwner(file: string): void {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  if ((stat.mode & 0o077) === 0) return
  if (process.getuid !== undefined && stat.uid !== process.getuid()) return
  fs.chmodSync(file, PRIVATE_FILE_MODE)
}
