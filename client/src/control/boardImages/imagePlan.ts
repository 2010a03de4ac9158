import type { EventConfig, SnapshotSummary, Station, Table } from '@tablecloth/shared'
import { stationFileStem, tableFolderName } from './fileNames'

/** One table at one station: the image to draw, and the snapshot it is drawn from. */
export interface PlannedImage {
  tableIndex: number
  table: Table
  stationIndex: number
  station: Station
  /** `ended`: the day has moved past the station; `running`: it is the current one. */
  stage: 'ended' | 'running'
  /** The board state to draw, or null when none was kept (then there is no image). */
  snapshot: SnapshotSummary | null
  /** `01-Sprache` */
  folder: string
  /** `station-1-Station 1`, the name of both the SVG and the PNG without extension. */
  stem: string
}

/**
 * Which board state shows each table at each station that has started.
 *
 * Snapshots are the only source: an ended station is drawn from the snapshot
 * taken when it ended (reason `station-change`, the latest one for that table
 * and station, as the results read it). The running station has no such
 * snapshot yet; it is drawn from the latest snapshot taken while it ran (the
 * state kept before a restore), if there is one. Stations that have not
 * started are left out. Tables and stations follow the event's order.
 */
export function planBoardImages(
  config: Pick<EventConfig, 'tables' | 'stations'>,
  currentStation: number,
  snapshots: readonly SnapshotSummary[],
): PlannedImage[] {
  const plan: PlannedImage[] = []
  const started = config.stations.slice(0, currentStation + 1)
  config.tables.forEach((table, tableIndex) => {
    started.forEach((station, stationIndex) => {
      const stage = stationIndex < currentStation ? 'ended' : 'running'
      const candidates = snapshots.filter(
        (snapshot) =>
          snapshot.tableId === table.id &&
          snapshot.stationIndex === stationIndex &&
          (stage === 'running' || snapshot.reason === 'station-change'),
      )
      plan.push({
        tableIndex,
        table,
        stationIndex,
        station,
        stage,
        snapshot: latest(candidates),
        folder: tableFolderName(tableIndex, table.topic),
        stem: stationFileStem(stationIndex, station.title),
      })
    })
  })
  return plan
}

/** The latest by time; of equal times the one listed last, as the server lists them in order. */
function latest(snapshots: readonly SnapshotSummary[]): SnapshotSummary | null {
  let found: SnapshotSummary | null = null
  for (const snapshot of snapshots) {
    if (!found || Date.parse(snapshot.createdAt) >= Date.parse(found.createdAt)) found = snapshot
  }
  return found
}
