/**
 * German words of the station line, which every screen shows alike (see
 * `stationLine.ts`). Spread into the phone catalog, the smallest page's, and
 * through it into `de.ts`.
 */
export const stationLineDe = {
  'stationLine.number': 'Station {number} von {total}',
  'stationLine.titled': 'Station {number} von {total}: {title}',
}
