import type { TableRecap } from '@tablecloth/shared'
import { stationLine } from '../../i18n/stationLine'
import { useT } from '../../i18n/useT'

/**
 * The recap's heading and the line naming the station shown, the same on
 * the board's dialog and the projector's copy, so the room reads on the
 * wall what the moderator sees.
 */
export function RecapTitles({
  titleId,
  station,
  stationCount,
}: {
  titleId: string
  station: TableRecap['stations'][number] | undefined
  stationCount: number
}) {
  const t = useT()
  return (
    <div className="recap-dialog__titles">
      <h2 id={titleId} className="recap-dialog__title">
        {t('recap.title')}
      </h2>
      {station && (
        <p className="recap-dialog__station" data-testid="recap-station">
          {stationLine(t, station.title, station.stationIndex, stationCount)}
          {station.isPrevious && (
            <span className="recap-dialog__latest">{t('recap.lastGroup')}</span>
          )}
        </p>
      )}
    </div>
  )
}
