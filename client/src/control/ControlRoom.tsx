import { useEffect } from 'react'
import { resolveSeatingPlan, tableNumber, type EventView } from '@tablecloth/shared'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useDateTimeFormat } from '../i18n/dateTimeFormat'
import type { Translate } from '../i18n/translate'
import { useT } from '../i18n/useT'
import { takeLinkToken } from '../app/linkToken'
import { apiErrorMessage } from '../api/apiErrorMessage'
import { useControlStore } from './controlStore'
import { ResultsPanel } from './results/ResultsPanel'
import { EventAdmin } from './EventAdmin'
import { PageMessage } from '../app/PageMessage'
import { ModeratorAlerts, useModeratorDrops } from './ModeratorAlerts'
import { QrSheetButton } from './qrSheet/QrSheet'
import { RotationOverview } from './RotationOverview'
import { StationControls } from './StationControls'
import { TableCard } from './TableCard'
import './controlRoom.css'

/** How often the live overview refreshes; a second or two is "live" for a control room. */
const REFRESH_MS = 2000

/** The organiser's screen for the day: stations, timer, every table at a glance. */
export function ControlRoom({ eventId }: { eventId: string }) {
  const t = useT()
  const format = useDateTimeFormat()
  const { view, links, overview, snapshots, error, lastUndo, restore, open, refresh, deleted } =
    useControlStore()
  const moderatorWatches = useControlStore((state) => state.moderatorWatches)
  const drops = useModeratorDrops(view)

  useEffect(() => {
    void open(eventId, takeLinkToken())
    const id = window.setInterval(() => void refresh(), REFRESH_MS)
    return () => window.clearInterval(id)
  }, [eventId, open, refresh])

  if (deleted) {
    return (
      <PageMessage heading={t('admin.deleted.heading')}>
        <p>{t('admin.deleted.body')}</p>
      </PageMessage>
    )
  }

  if (!view) {
    return (
      <main className="control-room">
        {error ? <p role="alert">{apiErrorMessage(t, error)}</p> : <p>{t('app.loading')}</p>}
      </main>
    )
  }

  const plan = resolveSeatingPlan(view.config)
  return (
    <main className="control-room">
      <header className="control-header">
        <div>
          <h1>{view.config.title}</h1>
          <p>
            {format.date(view.config.date)}
            {view.config.venue && ` · ${view.config.venue}`}
          </p>
        </div>
        <div className="control-header__tools">
          <LanguageSwitch />
        </div>
      </header>
      {error && (
        <p className="control-error" role="alert">
          {apiErrorMessage(t, error)}
        </p>
      )}
      {lastUndo && (
        <p className="control-undo" role="status">
          {t('control.restored', { table: numberedTable(view, lastUndo.tableId, t) })}{' '}
          <button type="button" onClick={() => void restore(lastUndo.id, true)}>
            {t('control.undoRestore')}
          </button>
        </p>
      )}
      <ModeratorAlerts view={view} drops={drops} />
      <StationControls view={view} />
      {plan && <RotationOverview view={view} plan={plan} />}
      <section aria-labelledby="tables-heading">
        <div className="control-tables__heading">
          <h2 id="tables-heading">{t('control.tables', { count: view.config.tables.length })}</h2>
          <QrSheetButton view={view} links={links} />
        </div>
        <div className="control-tables">
          {view.config.tables.map((table) => (
            <TableCard
              key={table.id}
              view={view}
              links={links?.tables.find((entry) => entry.id === table.id)}
              overview={overview?.tables.find((entry) => entry.id === table.id)}
              snapshots={snapshots.filter((snapshot) => snapshot.tableId === table.id)}
              watch={moderatorWatches[table.id]}
              drop={drops.find((drop) => drop.tableId === table.id)}
            />
          ))}
        </div>
      </section>
      <ResultsPanel view={view} links={links} />
      <EventAdmin view={view} />
    </main>
  )
}

/** „Tisch 3 – Arbeitsmarktintegration“ for a table id, numbered as in setup. */
function numberedTable(view: EventView, tableId: string, t: Translate): string {
  const topic = view.config.tables.find((table) => table.id === tableId)?.topic ?? tableId
  return t('table.numbered', { number: tableNumber(view.config, tableId), topic })
}
