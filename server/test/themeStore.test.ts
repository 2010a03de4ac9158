import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/store/database'
import { EventStore } from '../src/store/eventStore'
import type { SqlDb } from '../src/store/sql/SqlDb'
import { DamagedThemesError, ThemeStore } from '../src/store/themeStore'
import { createTestSchema, openTestPostgres, testDatabaseUrl } from './helpers/sharedServices'

/** The saved themes' store, the same on both engines. */
function describeThemeStore(engine: string, open: () => SqlDb, dispose: () => void): void {
  describe(`ThemeStore on ${engine}`, () => {
    let db: SqlDb
    let events: EventStore
    let themes: ThemeStore
    // Opened when the tests run, so a skipped engine never connects.
    beforeAll(() => {
      db = open()
      events = new EventStore(db)
      themes = new ThemeStore(db)
    })
    afterAll(dispose)
    let count = 0
    const newEvent = () => {
      const id = `ev${++count}`
      events.create({
        id,
        config: {} as never,
        state: {
          currentStation: 0,
          timer: { durationSeconds: 0, runningSince: null, elapsedBeforeSeconds: 0 },
        },
        createdAt: new Date().toISOString(),
      })
      return id
    }

    it('has no themes for an event that saved none', () => {
      expect(themes.list(newEvent())).toEqual([])
    })

    it('gives the themes back as saved, umlauts, quotes and order intact; a save replaces them', () => {
      const id = newEvent()
      const first = [
        { title: 'Kinderbetreuungs­angebote „vor Ort“', noteIds: ['shape:b', 'shape:a'] },
        { title: 'اللغة', noteIds: [] },
      ]
      themes.save(id, first)
      expect(themes.list(id)).toEqual(first)
      themes.save(id, [{ title: 'Straße', noteIds: ['shape:c'] }])
      expect(themes.list(id)).toEqual([{ title: 'Straße', noteIds: ['shape:c'] }])
      themes.save(id, [])
      expect(themes.list(id)).toEqual([])
    })

    it('keeps each event’s themes apart', () => {
      const [one, two] = [newEvent(), newEvent()]
      themes.save(one, [{ title: 'Eins', noteIds: ['shape:1'] }])
      themes.save(two, [{ title: 'Zwei', noteIds: ['shape:2'] }])
      expect(themes.list(one)).toEqual([{ title: 'Eins', noteIds: ['shape:1'] }])
      expect(themes.list(two)).toEqual([{ title: 'Zwei', noteIds: ['shape:2'] }])
    })

    it('goes with its event', () => {
      const id = newEvent()
      themes.save(id, [{ title: 'Weg damit', noteIds: ['shape:x'] }])
      events.delete(id)
      const left = db.prepare('SELECT count(*) AS n FROM event_themes WHERE event_id = ?').get(id)
      expect(Number((left as { n: number | string }).n)).toBe(0)
    })

    it('refuses a damaged row rather than read it as no themes', () => {
      const id = newEvent()
      themes.save(id, [{ title: 'T', noteIds: [] }])
      db.prepare('UPDATE event_themes SET themes = ? WHERE event_id = ?').run('{"nope":1}', id)
      expect(() => themes.list(id)).toThrow(DamagedThemesError)
      db.prepare('UPDATE event_themes SET themes = ? WHERE event_id = ?').run('[{', id)
      expect(() => themes.list(id)).toThrow(DamagedThemesError)
    })
  })
}

describeThemeStore(
  'SQLite',
  () => openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-themes-'))),
  () => {},
)

const baseUrl = testDatabaseUrl()
describe.skipIf(baseUrl === null)('PostgreSQL', () => {
  let schema: ReturnType<typeof createTestSchema> | null = null
  let db: SqlDb | null = null
  describeThemeStore(
    'PostgreSQL',
    () => {
      schema = createTestSchema(baseUrl!)
      db = openTestPostgres(schema.url)
      return db
    },
    () => {
      db?.close()
      schema?.drop()
    },
  )
})
