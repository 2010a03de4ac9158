import { stationTitleAfterNumber } from '@tablecloth/shared'
import type { Translate } from '../i18n/translate'

/** "Station 2 von 3: Wohnen", or "Station 2 von 3" when the title only says the number again. */
export function stationLine(t: Translate, title: string, stationIndex: number, count: number): string {
  const after = stationTitleAfterNumber(title, stationIndex)
  return after === null
    ? t('gallery.stationNumber', { number: stationIndex + 1, count })
    : t('gallery.station', { number: stationIndex + 1, count, title: after })
}
