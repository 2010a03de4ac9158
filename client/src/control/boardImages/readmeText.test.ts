import { describe, expect, it } from 'vitest'
import type { EventConfig, SnapshotSummary } from '@tablecloth/shared'
import { createTranslator } from '../../i18n/translate'
import { planBoardImages } from './imagePlan'
import { readmeText, type ImageOutcome } from './readmeText'

const config: Pick<EventConfig, 'title' | 'date' | 'venue' | 'tables' | 'stations'> = {
  title: 'Zukunftswerkstatt „Winnenden“',
  date: '2026-11-25',
  venue: 'Hermann-Schwab-Halle',
  tables: [
    { id: 't1', topic: 'Sprache', moderator: '' },
    { id: 't2', topic: 'Arbeit', moderator: '' },
  ],
  stations: [
    { id: 's1', title: 'Ankommen', columns: ['A'], durationMinutes: 30 },
    { id: 's2', title: 'Bleiben', columns: ['B'], durationMinutes: 30 },
  ],
}

const at = (time: string) => new Date(2026, 10, 25, ...time.split(':').map(Number)).toISOString()
const snapshots: SnapshotSummary[] = [
  {
    id: 'snap-1',
    tableId: 't1',
    stationIndex: 0,
    stationId: 's1',
    reason: 'station-change',
    createdAt: at('10:45:12'),
  },
  {
    id: 'snap-2',
    tableId: 't2',
    stationIndex: 0,
    stationId: 's1',
    reason: 'station-change',
    createdAt: at('10:45:12'),
  },
  {
    id: 'snap-3',
    tableId: 't1',
    stationIndex: 1,
    stationId: 's2',
    reason: 'pre-restore',
    createdAt: at('11:05:00'),
  },
]
const liveReadAt = new Map([['t1', at('12:00:03')]])
const plan = planBoardImages(config, 1, snapshots)

function readme(language: 'de' | 'en', outcomes: Record<string, ImageOutcome>) {
  return readmeText({
    event: config,
    plan,
    outcomes: new Map(Object.entries(outcomes)),
    liveReadAt,
    createdAt: new Date(2026, 10, 25, 12, 0, 0),
    t: createTranslator(language),
    language,
  })
}

describe('readmeText', () => {
  it('names every image’s files and the snapshot or live board it was drawn from', () => {
    const text = readme('de', {
      '01-Sprache/station-1-Ankommen': 'drawn',
      '01-Sprache/station-2-Bleiben': 'drawn',
      '02-Arbeit/station-1-Ankommen': 'failed',
    })
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('Tafelbilder: Zukunftswerkstatt „Winnenden“')
    expect(lines[1]).toBe('25. November 2026 · Hermann-Schwab-Halle')
    expect(text).toContain(
      [
        '01-Sprache/',
        '  Thementisch 1: Sprache',
        '  Station 1: Ankommen',
        '    Dateien: station-1-Ankommen.svg, station-1-Ankommen.png',
        '    Quelle: Stand beim Stationswechsel, 25.11.2026, 10:45:12 (Snapshot snap-1)',
        '  Station 2: Bleiben',
        '    Dateien: station-2-Bleiben.svg, station-2-Bleiben.png',
        '    Quelle: Station läuft noch; Board live gelesen am 25.11.2026, 12:00:03',
        '',
        '02-Arbeit/',
        '  Thementisch 2: Arbeit',
        '  Station 1: Ankommen',
        '    Kein Bild: Der Stand vom 25.11.2026, 10:45:12 (Snapshot snap-2) ließ sich nicht zeichnen.',
        '  Station 2: Bleiben',
        '    Kein Bild: Das Board ließ sich nicht lesen oder nicht zeichnen.',
      ].join('\r\n'),
    )
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('speaks the organiser’s language', () => {
    const text = readme('en', { '01-Sprache/station-1-Ankommen': 'drawn' })
    expect(text).toContain('Board images: Zukunftswerkstatt „Winnenden“')
    expect(text).toContain(
      'Source: the board at the station change, 25 Nov 2026, 10:45:12 (snapshot snap-1)',
    )
  })

  it('says when an ended station is read live because its snapshot is missing', () => {
    const missing = planBoardImages(config, 1, [])
    const text = readmeText({
      event: config,
      plan: missing,
      outcomes: new Map([['01-Sprache/station-1-Ankommen', 'drawn']]),
      liveReadAt,
      createdAt: new Date(2026, 10, 25, 12, 0, 0),
      t: createTranslator('de'),
      language: 'de',
    })
    expect(text).toContain(
      '    Quelle: Beim Stationswechsel wurde kein Stand gesichert; Board live gelesen am 25.11.2026, 12:00:03',
    )
  })
})
