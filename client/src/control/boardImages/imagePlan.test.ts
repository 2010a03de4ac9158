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
    image.snapshot?.id ?? null,
  ])

describe('planBoardImages', () => {
  it('draws every table at every started station, tables first, in the event’s order', () => {
    const snapshots = [
      snapshot('a1', 't1', 0, 'station-change', '2026-11-25T10:00:00.000Z'),
      snapshot('b1', 't2', 0, 'station-change', '2026-11-25T10:00:00.000Z'),
    ]
    expect(summary(planBoardImages(config, 1, snapshots))).toEqual([
      ['01-Sprache/station-1-Station 1', 'ended', 'a1'],
      ['01-Sprache/station-2-Station 2', 'running', null],
      ['02-Arbeit - Beruf/station-1-Station 1', 'ended', 'b1'],
      ['02-Arbeit - Beruf/station-2-Station 2', 'running', null],
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
      ['01-Sprache/station-3-Station 3', 'running', null],
    ])
  })

  it('reads the running station from the latest snapshot taken while it runs', () => {
    const snapshots = [
      snapshot('end1', 't1', 0, 'station-change', '2026-11-25T10:00:00.000Z'),
      snapshot('first', 't1', 1, 'pre-restore', '2026-11-25T10:30:00.000Z'),
      snapshot('second', 't1', 1, 'pre-restore', '2026-11-25T10:40:00.000Z'),
      snapshot('other', 't2', 1, 'pre-restore', '2026-11-25T10:50:00.000Z'),
    ]
    const plan = planBoardImages({ ...config, tables: [config.tables[0]!] }, 1, snapshots)
    expect(summary(plan)).toEqual([
      ['01-Sprache/station-1-Station 1', 'ended', 'end1'],
      ['01-Sprache/station-2-Station 2', 'running', 'second'],
    ])
  })

  it('says when an ended station has no snapshot', () => {
    const plan = planBoardImages(config, 1, [])
    expect(plan.filter((image) => image.stage === 'ended').map((image) => image.snapshot)).toEqual([
      null,
      null,
    ])
  })

  it('takes the last listed of snapshots taken at the same moment', () => {
    const at = '2026-11-25T10:00:00.000Z'
    const snapshots = [
      snapshot('first', 't1', 0, 'station-change', at),
      snapshot('second', 't1', 0, 'station-change', at),
    ]
    expect(planBoardImages(config, 1, snapshots)[0]!.snapshot?.id).toBe('second')
  })
})
