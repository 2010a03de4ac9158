import { describe, expect, it } from 'vitest'
import type { EventConfig, SnapshotSummary } from '@tablecloth/shared'
import { planBoardImages } from './imagePlan'

const config: Pick<EventConfig, 'tables' | 'stations'> = {
  tables: [
    { id: 't1', topic: 'Sprache', moderator: '' },
    { id: 't2', topic: 'Arbeit / Beruf', moderator: '' },
  ],
  stations: [
    { id: 's1', title: 'Station 1', columns: ['A', 'B'], durationMinutes: 30 },
    { id: 's2', title: 'Station 2', columns: ['C'], durationMinutes: 30 },
    { id: 's3', title: 'Station 3', columns: ['D'], durationMinutes: 30 },
  ],
}

function snapshot(
  id: string,
  tableId: string,
  stationIndex: number,
  reason: SnapshotSummary['reason'],
  createdAt: string,
): SnapshotSummary {
  return { id, tableId, stationIndex, stationId: `s${stationIndex + 1}`, reason, createdAt }
}

const summary = (plan: ReturnType<typeof planBoardImages>) =>
  plan.map((image) => [
    `${image.folder}/${image.stem}`,
    image.stage,
    image.source.kind === 'snapshot' ? image.source.snapshot.id : 'live',
  ])

describe('planBoardImages', () => {
  it('draws every table at every started station, tables first, in the event’s order', () => {
    const snapshots = [
      snapshot('a1', 't1', 0, 'station-change', '2026-11-25T10:00:00.000Z'),
      snapshot('b1', 't2', 0, 'station-change', '2026-11-25T10:00:00.000Z'),
    ]
    expect(summary(planBoardImages(config, 1, snapshots))).toEqual([
      ['01-Sprache/station-1-Station 1', 'ended', 'a1'],
      ['01-Sprache/station-2-Station 2', 'running', 'live'],
      ['02-Arbeit - Beruf/station-1-Station 1', 'ended', 'b1'],
      ['02-Arbeit - Beruf/station-2-Station 2', 'running', 'live'],
    ])
  })

  it('reads an ended station from its latest station-change snapshot only', () => {
    const snapshots = [
      snapshot('old', 't1', 0, 'station-change', '2026-11-25T10:00:00.000Z'),
      snapshot('kept', 't1', 0, 'pre-restore', '2026-11-25T10:20:00.000Z'),
      snapshot('new', 't1', 0, 'station-change', '2026-11-25T10:10:00.000Z'),
      snapshot('later', 't1', 1, 'station-change', '2026-11-25T11:00:00.000Z'),
    ]
    const plan = planBoardImages({ ...config, tables: [config.tables[0]!] }, 2, snapshots)
    expect(summary(plan)).toEqual([
      ['01-Sprache/station-1-Station 1', 'ended', 'new'],
      ['01-Sprache/station-2-Station 2', 'ended', 'later'],
      ['01-Sprache/station-3-Station 3', 'running', 'live'],
    ])
  })

  it('reads the running station from the live board, whatever was saved while it ran', () => {
    const snapshots = [
      snapshot('end1', 't1', 0, 'station-change', '2026-11-25T10:00:00.000Z'),
      snapshot('kept', 't1', 1, 'pre-restore', '2026-11-25T10:30:00.000Z'),
      snapshot('saved', 't1', 1, 'manual', '2026-11-25T10:40:00.000Z'),
    ]
    const plan = planBoardImages({ ...config, tables: [config.tables[0]!] }, 1, snapshots)
    expect(summary(plan)).toEqual([
      ['01-Sprache/station-1-Station 1', 'ended', 'end1'],
      ['01-Sprache/station-2-Station 2', 'running', 'live'],
    ])
  })

  it('reads an ended station whose snapshot is missing from the live board, as the results do', () => {
    const plan = planBoardImages(config, 1, [])
    expect(summary(plan.filter((image) => image.stage === 'ended'))).toEqual([
      ['01-Sprache/station-1-Station 1', 'ended', 'live'],
      ['02-Arbeit - Beruf/station-1-Station 1', 'ended', 'live'],
    ])
  })

  it('has an image of every table from the first station on', () => {
    expect(summary(planBoardImages(config, 0, []))).toEqual([
      ['01-Sprache/station-1-Station 1', 'running', 'live'],
      ['02-Arbeit - Beruf/station-1-Station 1', 'running', 'live'],
    ])
  })

  it('takes the last listed of snapshots taken at the same moment', () => {
    const at = '2026-11-25T10:00:00.000Z'
    const snapshots = [
      snapshot('first', 't1', 0, 'station-change', at),
      snapshot('second', 't1', 0, 'station-change', at),
    ]
    expect(summary(planBoardImages(config, 1, snapshots))[0]![2]).toBe('second')
  })
})
