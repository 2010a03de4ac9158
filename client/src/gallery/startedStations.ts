/**
 * How many stations of the day have started, as far as anyone can tell: the
 * event as loaded (once, when the gallery opened) or any board, whose doc the
 * server updates at every station change. The gallery steps through these;
 * later stations have nothing on any board yet. At least one, at most all.
 */
export function startedStations(
  eventStation: number,
  boardStations: Iterable<number | null>,
  stationCount: number,
): number {
  let latest = eventStation
  for (const station of boardStations) {
    if (station !== null && station > latest) latest = station
  }
  return Math.min(Math.max(1, latest + 1), Math.max(1, stationCount))
}
