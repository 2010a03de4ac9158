import { stationLineParts } from '@tablecloth/shared'
import type { MessageParams } from './interpolate'
import type { stationLineDe } from './stationLineMessages.de'

type StationLineKey = keyof typeof stationLineDe

/**
 * "Station 2 von 3: Wohnen", or "Station 2 von 3" when the title only says the
 * number again. Takes any translator that knows the station line's words: the
 * full catalogs' and the phone page's both do.
 */
export function stationLine(
  t: (key: StationLineKey, params?: MessageParams) => string,
  title: string,
  stationIndex: number,
  total: number,
): string {
  const parts = stationLineParts(title, stationIndex, total)
  return parts.title === null
    ? t('stationLine.number', { number: parts.number, total: parts.total })
    : t('stationLine.titled', { number: parts.number, total: parts.total, title: parts.title })
}
