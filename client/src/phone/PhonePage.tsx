import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import { tableNumber, type EventView } from '@tablecloth/shared'
import { PageMessage } from '../app/PageMessage'
import { noteFill } from '../room/noteFill'
import { useDocumentTitle } from '../app/useDocumentTitle'
import { stationLine } from '../i18n/stationLine'
import { useDocumentLanguage } from '../i18n/useDocumentLanguage'
import { NoteForm } from './NoteForm'
import { PhoneLanguageSwitch } from './PhoneLanguageSwitch'
import { currentStation, type PhoneStore } from './phoneStore'
import { SeatBanner } from './SeatBanner'
import { TableQuestion } from './TableQuestion'
import { GROUP_PHONE_REFRESH_MS, TABLE_PHONE_REFRESH_MS, useEventRefresh } from './useEventRefresh'
import { usePhoneT } from './usePhoneT'

/**
 * The participant's phone page: the table's topic, the current station's
 * questions, and a form for one note at a time. It shows neither the board
 * nor anyone's notes (those are on the projector), unless the organiser
 * chose to show the board to participants: then it links to the table's
 * read-only board view, a page of the board app that phones load only then.
 *
 * A group's phone link (`groupId`) shows the group and follows it from table
 * to table (docs/user-guide.md, "Group phones"); in free rotation it asks
 * which table the group sits at.
 */
export function PhonePage({
  store,
  token,
  groupId,
}: {
  store: PhoneStore
  /** The participant token, for the board view when the organiser shows the board. */
  token: string
  /** The group of a group's phone link; absent on a table's phone link. */
  groupId?: string
}) {
  useDocumentLanguage()
  useEventRefresh(store, groupId ? GROUP_PHONE_REFRESH_MS : TABLE_PHONE_REFRESH_MS)
  const t = usePhoneT()
  const load = useStore(store, (state) => state.load)

  switch (load.state) {
    case 'loading':
      return <PhoneNotice heading={t('phone.loading')} />
    case 'ready':
      return <PhoneReady store={store} view={load.view} token={token} groupId={groupId} />
    case 'refused':
      return load.reason === 'invalidLink' ? (
        <InvalidLinkNotice />
      ) : (
        <PhoneNotice heading={t('phone.notFound.heading')} body={t('phone.notFound.body')} error />
      )
    case 'unreachable':
      return (
        <PhoneNotice
          heading={t('phone.unreachable.heading')}
          body={t('phone.unreachable.body')}
          error
          action={
            <button
              className="button button--primary"
              type="button"
              onClick={() => void store.getState().refresh()}
            >
              {t('phone.retry')}
            </button>
          }
        />
      )
    default: {
      const unknownLoad: never = load
      throw new Error(`unknown phone page state ${JSON.stringify(unknownLoad)}`)
    }
  }
}

/** For a link without its token, or one the server refuses. */
export function InvalidLinkNotice() {
  useDocumentLanguage()
  const t = usePhoneT()
  return (
    <PhoneNotice
      heading={t('phone.invalidLink.heading')}
      body={t('phone.invalidLink.body')}
      error
    />
  )
}

function PhoneReady({
  store,
  view,
  token,
  groupId,
}: {
  store: PhoneStore
  view: EventView
  token: string
  groupId?: string
}) {
  const t = usePhoneT()
  const tableId = useStore(store, (state) => state.table)
  const table = view.config.tables.find((candidate) => candidate.id === tableId)
  const group = view.config.groups.find((candidate) => candidate.id === groupId)
  const station = currentStation(view)
  const topic = table?.topic ?? group?.name ?? ''
  useDocumentTitle(t('phone.documentTitle', { topic }))
  const free = view.config.rotation.mode === 'free'
  return (
    <div className="phone">
      <PhoneBar label={view.config.title} />
      <main className="phone__main">
        {group && (
          <>
            <p className="phone__group" data-testid="phone-group">
              <span
                className="phone__group-swatch"
                aria-hidden="true"
                style={{ background: noteFill(group.colour) }}
              />
              {t('phone.group.label', { name: group.name })}
            </p>
            <SeatBanner store={store} t={t} />
          </>
        )}
        {table ? (
          <TableHeading
            view={view}
            tableId={table.id}
            topic={table.topic}
            stationLabel={stationLine(
              t,
              station.title,
              view.currentStation,
              view.config.stations.length,
            )}
            change={
              group && free ? (
                <button
                  className="button phone__change-table"
                  type="button"
                  onClick={() => store.getState().changeTable()}
                >
                  {t('phone.table.change')}
                </button>
              ) : null
            }
          />
        ) : free ? (
          <TableQuestion
            tables={view.config.tables}
            onChoose={(chosen) => store.getState().chooseTable(chosen)}
            t={t}
          />
        ) : (
          <PageMessage heading={t('phone.group.noSeat.heading')} tone="info">
            <p>{t('phone.group.noSeat.body')}</p>
          </PageMessage>
        )}
        {table && (
          <>
            <p className="phone__intro">{t(group ? 'phone.group.intro' : 'phone.intro')}</p>
            <NoteForm key={station.id} store={store} station={station} />
            {view.config.showBoardToParticipants && (
              <p className="phone__board-link">
                <a className="button" href={boardViewLink(view.id, table.id, token)}>
                  {t('phone.showBoard')}
                </a>
              </p>
            )}
          </>
        )}
      </main>
    </div>
  )
}

/** The table notes go to now: its number, topic and the running station. */
function TableHeading({
  view,
  tableId,
  topic,
  stationLabel,
  change,
}: {
  view: EventView
  tableId: string
  topic: string
  stationLabel: string
  change: ReactNode
}) {
  const t = usePhoneT()
  return (
    <header className="phone__heading">
      <p className="phone__table-label">
        {t('phone.tableLabel', { number: tableNumber(view.config, tableId) })}
      </p>
      <h1 className="phone__topic" dir="auto" data-testid="phone-topic">
        {topic}
      </h1>
      <p className="phone__station" data-testid="phone-station">
        {stationLabel}
      </p>
      {change}
    </header>
  )
}

function PhoneNotice({
  heading,
  body,
  error = false,
  action,
}: {
  heading: string
  body?: string
  error?: boolean
  action?: ReactNode
}) {
  const t = usePhoneT()
  useDocumentTitle(t('phone.documentTitle', { topic: heading }))
  return (
    <div className="phone">
      <PhoneBar />
      <PageMessage heading={heading} tone={error ? 'error' : 'info'} actions={action}>
        {body ? <p>{body}</p> : null}
      </PageMessage>
    </div>
  )
}

/** The strip at the top: the event's name, and the language switch on every state of the page. */
function PhoneBar({ label }: { label?: string }) {
  const t = usePhoneT()
  return (
    <header className="phone__bar">
      <span className="phone__event">{label ?? t('phone.appName')}</span>
      <PhoneLanguageSwitch />
    </header>
  )
}

/** The table's read-only board view, opened with the participant's own token. */
function boardViewLink(eventId: string, tableId: string, token: string): string {
  const path = `/e/${encodeURIComponent(eventId)}/t/${encodeURIComponent(tableId)}/projector`
  return `${path}#token=${encodeURIComponent(token)}`
}
