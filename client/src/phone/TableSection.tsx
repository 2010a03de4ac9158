import type { ReactNode } from 'react'
import { tableNumber, type EventView, type Table } from '@tablecloth/shared'
import { stationLine } from '../i18n/stationLine'
import { NoteForm } from './NoteForm'
import { currentStation, type PhoneStore } from './phoneStore'
import { usePhoneT } from './usePhoneT'

/**
 * The table notes go to now, and the form: its number, topic, the running
 * station, a line of introduction, the note form, and the board link when
 * the organiser shows participants the board. A table's phone and a
 * group's phone (at its group's table) show the same.
 */
export function TableSection({
  store,
  view,
  table,
  token,
  intro,
  change,
}: {
  store: PhoneStore
  view: EventView
  table: Table
  /** The link's token, for the board view. */
  token: string
  intro: ReactNode
  /** A control under the heading (a group's "choose another table"). */
  change?: ReactNode
}) {
  const t = usePhoneT()
  const station = currentStation(view)
  return (
    <>
      <header className="phone__heading">
        <p className="phone__table-label">
          {t('phone.tableLabel', { number: tableNumber(view.config, table.id) })}
        </p>
        <h1 className="phone__topic" dir="auto">
          {table.topic}
        </h1>
        <p className="phone__station" data-testid="phone-station">
          {stationLine(t, station.title, view.currentStation, view.config.stations.length)}
        </p>
        {change}
      </header>
      {intro}
      <NoteForm key={station.id} store={store} station={station} />
      {view.config.showBoardToParticipants && (
        <p className="phone__board-link">
          <a className="button" href={boardViewLink(view.id, table.id, token)}>
            {t('phone.showBoard')}
          </a>
        </p>
      )}
    </>
  )
}

/** The table's read-only board view, opened with the participant's own token. */
function boardViewLink(eventId: string, tableId: string, token: string): string {
  const path = `/e/${encodeURIComponent(eventId)}/t/${encodeURIComponent(tableId)}/projector`
  return `${path}#token=${encodeURIComponent(token)}`
}
