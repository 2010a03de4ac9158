import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import type { BoardDayState, EventConfig } from '@tablecloth/shared'
import { useT } from '../../i18n/useT'
import { RecapTitles } from './RecapTitles'
import { RecapView } from './RecapView'
import { useMirroredRecap } from './useMirroredRecap'
import { useTableRecap } from './useTableRecap'
import './recap.css'

/**
 * The projector's copy of the recap the moderator has open on the board
 * (see `RecapControl`): the same page, over the room view, gone when the
 * moderator closes it. Nobody works the projector, so it has no buttons;
 * it reads the table's own doc, as the board does.
 */
export function RecapMirror({
  doc,
  awareness,
  config,
  day,
}: {
  doc: Y.Doc
  awareness: Awareness
  config: EventConfig
  day: BoardDayState
}) {
  const t = useT()
  const shown = useMirroredRecap(awareness, day.stationIndex)
  const recap = useTableRecap(doc, config, day.stationIndex, shown !== null)
  if (!shown || !recap) return null
  const pages = recap.stations.length
  const station = recap.stations[Math.min(shown.page, pages - 1)]
  return (
    <section
      className="recap-sheet recap-mirror"
      data-testid="recap-mirror"
      aria-labelledby="recap-mirror-title"
    >
      <header className="recap-dialog__head">
        <RecapTitles
          titleId="recap-mirror-title"
          station={station}
          stationCount={config.stations.length}
        />
        {pages > 1 && (
          <p className="recap-dialog__pager">{t('recap.page', { page: shown.page + 1, pages })}</p>
        )}
      </header>
      <div className="recap-dialog__body">
        {station ? (
          <RecapView station={station} language={config.language} />
        ) : (
          <p className="recap-dialog__empty">{t('recap.empty')}</p>
        )}
      </div>
    </section>
  )
}
