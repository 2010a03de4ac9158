import { tableNumber, type EventView } from '@tablecloth/shared'
import type { Translate } from '../i18n/translate'
import { useT } from '../i18n/useT'
import { serverNow, useServerClock } from '../time/serverClock'
import { useControlStore } from './controlStore'
import { moderatorDrops, type ModeratorDrop } from './moderatorWatch'

/**
 * The tables whose moderator board dropped and stayed away (see
 * moderatorWatch), as of the last overview; the control room re-renders
 * with every overview, so the list and its times stay current.
 */
export function useModeratorDrops(view: EventView | null): ModeratorDrop[] {
  const watches = useControlStore((state) => state.moderatorWatches)
  const offsetMs = useServerClock((state) => state.offsetMs)
  // Worked out on every render: `watches` is new with every overview, every two seconds.
  return view ? moderatorDrops(watches, view.timer, Date.now(), serverNow(offsetMs)) : []
}

/**
 * One alert per table whose moderator board dropped during the station,
 * above everything else in the control room. Each is its own `role="alert"`,
 * so a screen reader announces a new drop, and says in words what happened,
 * so nothing depends on its colour. It goes once the board is back.
 */
export function ModeratorAlerts({ view, drops }: { view: EventView; drops: ModeratorDrop[] }) {
  const t = useT()
  if (drops.length === 0) return null
  const now = Date.now()
  return (
    <section
      className="moderator-alerts"
      aria-label={t('presence.alertsLabel')}
      data-testid="moderator-alerts"
    >
      {drops.map((drop) => {
        const topic =
          view.config.tables.find((table) => table.id === drop.tableId)?.topic ?? drop.tableId
        return (
          <div
            key={drop.tableId}
            className="moderator-alert"
            role="alert"
            data-testid="moderator-alert"
            data-table-id={drop.tableId}
          >
            <span className="moderator-alert__icon" aria-hidden="true">
              !
            </span>
            <div>
              <p className="moderator-alert__text">
                {t('presence.alert', {
                  table: t('table.numbered', {
                    number: tableNumber(view.config, drop.tableId),
                    topic,
                  }),
                  duration: goneFor(now - drop.goneSince, t),
                })}
              </p>
              <p className="moderator-alert__hint">{t('presence.alertHint')}</p>
            </div>
          </div>
        )
      })}
    </section>
  )
}

/** "25 s" under a minute, then whole minutes. */
export function goneFor(ms: number, t: Translate): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  return seconds < 60
    ? t('presence.seconds', { count: seconds })
    : t('presence.minutes', { count: Math.floor(seconds / 60) })
}
