import type { EventConfig } from './eventConfig'

/**
 * How long station `stationIndex` runs, in seconds: what its timer starts
 * from and is reset to. 0 for a station the event does not have, so a timer
 * for it is over at once rather than counting an invented time.
 */
export function stationDurationSeconds(
  config: Pick<EventConfig, 'stations'>,
  stationIndex: number,
): number {
  return (config.stations[stationIndex]?.durationMinutes ?? 0) * 60
}
