import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import { tableNumber, type EventView } from '@tablecloth/shared'
import { PageMessage } from '../app/PageMessage'
import { useDocumentTitle } from '../app/useDocumentTitle'
import { stationLine } from '../i18n/stationLine'
import { useDocumentLanguage } from '../i18n/useDocumentLanguage'
import { NoteForm } from './NoteForm'
import { PhoneLanguageSwitch } from './PhoneLanguageSwitch'
import { currentStation, type PhoneStore } from './phoneStore'
import { useEventRefresh } from './useEventRefresh'
import { usePhoneT } from './usePhoneT'

/**
 * The participant's phone page: the table's topic, the current station's
 * questions, and a form for one note at a time. It shows neither the board
 * nor anyone's notes (those are on the projector), unless the organiser
 * chose to show the board to participants: then it links to the table's
 * read-only board view, a page of the board app that phones load only then.
 */
export function PhonePage({
  store,
  tableId,
  token,
}: {
  store: PhoneStore
  tableId: string
  /** The participant token, for the board view when the organiser shows the board. */
  token: string
}) {
  useDocumentLanguage()
  useEventRefresh(store)
  const t = usePhoneT()
  const load = useStore(store, (state) => state.load)

  switch (load.state) {
    case 'loading':
      return <PhoneNotice heading={t('phone.loading')} />
    case 'ready':
      return <PhoneReady store={store} view={load.view} tableId={tableId} token={token} />
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
  tableId,
  token,
}: {
  store: PhoneStore
  view: EventView
  tableId: string
  token: string
}) {
  const t = usePhoneT()
  const table = view.config.tables.find((candidate) => candidate.id === tableId)
  const station = currentStation(view)
  const topic = table?.topic ?? ''
  useDocumentTitle(t('phone.documentTitle', { topic }))
  return (
    <div className="phone">
      <PhoneBar label={view.config.title} />
      <main className="phone__main">
        <header className="phone__heading">
          <p className="phone__table-label">
            {t('phone.tableLabel', { number: tableNumber(view.config, tableId) })}
          </p>
          <h1 className="phone__topic" dir="auto">
            {topic}
          </h1>
          <p className="phone__station" data-testid="phone-station">
            {stationLine(t, station.title, view.currentStation, view.config.stations.length)}
          </p>
        </header>
        <p className="phone__intro">{t('phone.intro')}</p>
        <NoteForm key={station.id} store={store} station={station} />
        {view.config.showBoardToParticipants && (
          <p className="phone__board-link">
            <a className="button" href={boardViewLink(view.id, tableId, token)}>
              {t('phone.showBoard')}
            </a>
          </p>
        )}
      </main>
    </div>
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
