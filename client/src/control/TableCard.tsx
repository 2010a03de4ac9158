import { useState } from 'react'
import type { EventView, SnapshotSummary, TableLinks, TableOverview } from '@tablecloth/shared'
import { useDateTimeFormat } from '../i18n/dateTimeFormat'
import { useT } from '../i18n/useT'
import { useControlStore } from './controlStore'
import { QrCode } from '../app/QrCode'
import { RotatedLinkNotice } from './RotatedLinkNotice'
import { SnapshotViewer } from './SnapshotViewer'

/** One table in the control room: who is on the board, notes per column, links and snapshots. */
export function TableCard({
  view,
  links,
  overview,
  snapshots,
}: {
  view: EventView
  links: TableLinks | undefined
  overview: TableOverview | undefined
  snapshots: SnapshotSummary[]
}) {
  const t = useT()
  const format = useDateTimeFormat()
  const restore = useControlStore((state) => state.restore)
  const busy = useControlStore((state) => state.busy)
  const rotateLink = useControlStore((state) => state.rotateLink)
  const [showQr, setShowQr] = useState(false)
  const [viewing, setViewing] = useState<SnapshotSummary | null>(null)
  const table = view.config.tables.find((candidate) => candidate.id === links?.id)
  const station = view.config.stations[view.currentStation]!
  const online = (overview?.connections ?? 0) > 0

  return (
    <article className="table-card" data-testid={`table-card-${links?.id}`} aria-label={table?.topic}>
      <header>
        <h3>{table?.topic}</h3>
        <span
          className={`table-card__status table-card__status--${online ? 'online' : 'offline'}`}
          data-testid="table-status"
          data-state={online ? 'online' : 'offline'}
        >
          {online ? t('control.boardOnline', { count: overview?.connections ?? 0 }) : t('control.boardOffline')}
        </span>
      </header>
      {table?.moderator && <p className="table-card__moderator">{t('control.moderator', { name: table.moderator })}</p>}
      {overview && overview.names.length > 0 && (
        <p className="table-card__people">{overview.names.join(', ')}</p>
      )}
      <table className="table-card__counts">
        <caption className="visually-hidden">{t('control.notesPerColumn')}</caption>
        <tbody>
          {station.columns.map((question, index) => (
            <tr key={index}>
              <th scope="row">{question}</th>
              <td data-testid={`column-count-${index}`}>{overview?.columns[index] ?? 0}</td>
            </tr>
          ))}
          {(overview?.unsorted ?? 0) > 0 && (
            <tr>
              <th scope="row">{t('control.unsorted')}</th>
              <td>{overview?.unsorted}</td>
            </tr>
          )}
        </tbody>
      </table>
      {links && (
        <div className="table-card__links">
          <a href={links.board} target="_blank" rel="noreferrer">
            {t('control.linkBoard')}
          </a>
          <a href={links.projector} target="_blank" rel="noreferrer">
            {t('control.linkProjector')}
          </a>
          <a href={links.participant} target="_blank" rel="noreferrer">
            {t('control.linkPhone')}
          </a>
          <button type="button" onClick={() => setShowQr(!showQr)} aria-expanded={showQr}>
            {showQr ? t('control.hideQr') : t('control.showQr')}
          </button>
        </div>
      )}
      {links && table && (
        <details className="table-card__renew">
          <summary>{t('admin.linksHeading')}</summary>
          <div className="control-buttons">
            {(
              [
                ['moderator', 'admin.rotateBoard'],
                ['viewer', 'admin.rotateProjector'],
                ['participant', 'admin.rotatePhone'],
              ] as const
            ).map(([role, label]) => (
              <button
                key={role}
                type="button"
                disabled={busy !== null}
                onClick={() => {
                  if (window.confirm(t('admin.rotateConfirm', { link: t(label), table: table.topic }))) {
                    void rotateLink({ role, tableId: table.id })
                  }
                }}
              >
                {t(label)}
              </button>
            ))}
          </div>
          <RotatedLinkNotice only={(target) => target.tableId === table.id} />
        </details>
      )}
      {showQr && links && (
        <div className="table-card__qr">
          <figure>
            <QrCode value={links.board} label={t('control.qrBoard', { table: table?.topic ?? '' })} />
            <figcaption>{t('control.linkBoard')}</figcaption>
          </figure>
          <figure>
            <QrCode value={links.participant} label={t('control.qrPhone', { table: table?.topic ?? '' })} />
            <figcaption>{t('control.linkPhone')}</figcaption>
          </figure>
        </div>
      )}
      {snapshots.length > 0 && (
        <details className="table-card__snapshots">
          <summary>{t('control.snapshots', { count: snapshots.length })}</summary>
          <ul>
            {snapshots.map((snapshot) => (
              <li key={snapshot.id}>
                <span>
                  {snapshot.reason === 'pre-restore'
                    ? t('control.snapshotPreRestore')
                    : view.config.stations[snapshot.stationIndex]?.title}{' '}
                  · {format.time(snapshot.createdAt)}
                </span>
                <button type="button" onClick={() => setViewing(snapshot)}>
                  {t('control.snapshotOpen')}
                </button>
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => {
                    if (window.confirm(t('control.restoreConfirm', { table: table?.topic ?? '' }))) {
                      void restore(snapshot.id)
                    }
                  }}
                >
                  {t('control.snapshotRestore')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {viewing && <SnapshotViewer snapshot={viewing} onClose={() => setViewing(null)} />}
    </article>
  )
}
