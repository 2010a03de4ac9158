import type { stationLineDe } from './stationLineMessages.de'

/** English words of the station line. Typed against German, so no key can be missing. */
export const stationLineEn: Record<keyof typeof stationLineDe, string> = {
  'stationLine.number': 'Station {number} of {total}',
  'stationLine.titled': 'Station {number} of {total}: {title}',
}
