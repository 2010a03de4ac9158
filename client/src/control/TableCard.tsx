import { useState } from 'react'
import type { EventView, SnapshotSummary, TableLinks, TableOverview } from '@tablecloth/shared'
import { useDateTimeFormat } from '../i18n/dateTimeFormat'
import { useT } from '../i18n/useT'
import { useControlStore } from './controlStore'
import { QrCode } from '../app/QrCode'
import { PresenceSummary } from './PresenceSummary'
import type { ModeratorDrop, ModeratorWatch } from './moderatorWatch'
import { RotatedLinkNotice } from './RotatedLinkNotice'
import { SnapshotViewer } from './SnapshotViewer'

/** One table in the control room: who is on the board, notes per column, links and snapshots. */
export function TableCard({
  view,
  links,
  overview,
  snapshots,
  watch,
  drop,
}: {
  view: EventView
  links: TableLinks | undefined
  overview: TableOverview | undefined
  snapshots: SnapshotSummary[]
  /** Whether this table's moderator board was there and is gone (moderatorWatch). */
  watch: ModeratorWatch | undefined
  /** Set while the control room alerts about this table's moderator board. */
  drop: ModeratorDrop | undefined
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
  const number = view.config.tables.findIndex((candidate) => candidate.id === links?.id) + 1
  const label = table ? t('table.numbered', { number, topic: table.topic }) : ''
  const moderators = overview?.presence.moderators ?? 0
  const state = moderatorState(moderators, watch, drop)

  return (
    <article
      className={`table-card${drop ? ' table-card--alert' : ''}`}
      data-testid={`table-card-${links?.id}`}
      aria-label={label}
    >
      <header>
        <h3>{label}</h3>
        <span
          className={`table-card__status table-card__status--${state}`}
          data-testid="table-status"
          // online, offline (not there yet or gone within the grace time) or dropped (alerted).
          data-state={state === 'gone' ? 'offline' : state}
        >
          {state === 'dropped' && (
            <span className="table-card__status-icon" aria-hidden="true">
              !
            </span>
          )}
          {t(MODERATOR_STATE_LABEL[state])}
        </span>
      </header>
      {table?.moderator && (
        <p className="table-card__moderator">{t('control.moderator', { name: table.moderator })}</p>
      )}
      {overview && overview.moderatorNames.length > 0 && (
        <p className="table-card__people" data-testid="moderator-names">
          {t('presence.moderatorNames', { names: overview.moderatorNames.join(', ') })}
        </p>
      )}
      {overview && (
        <PresenceSummary
          presence={overview.presence}
          phonesWatch={view.config.showBoardToParticipants}
        />
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
                  if (
                    window.confirm(t('admin.rotateConfirm', { link: t(label), table: table.topic }))
                  ) {
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
            <QrCode
              value={links.board}
              label={t('control.qrBoard', { table: table?.topic ?? '' })}
            />
            <figcaption>{t('control.linkBoard')}</figcaption>
          </figure>
          <figure>
            <QrCode
              value={links.participant}
              label={t('control.qrPhone', { table: table?.topic ?? '' })}
            />
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
                    if (
                      window.confirm(t('control.restoreConfirm', { table: table?.topic ?? '' }))
                    ) {
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

/**
 * The moderator's board at a glance: on it, not there yet, gone (within the
 * grace time), or dropped (the control room alerts about it).
 */
type ModeratorState = 'online' | 'offline' | 'gone' | 'dropped'

const MODERATOR_STATE_LABEL = {
  online: 'presence.moderatorOn',
  offline: 'presence.moderatorNotYet',
  gone: 'presence.moderatorGone',
  dropped: 'presence.moderatorGone',
} as const

function moderatorState(
  moderators: number,
  watch: ModeratorWatch | undefined,
  drop: ModeratorDrop | undefined,
): ModeratorState {
  if (moderators > 0) return 'online'
  if (drop) return 'dropped'
  return watch?.seen ? 'gone' : 'offline'
}
