import { lazy, Suspense, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { EventView } from '@tablecloth/shared'
import { PageMessage } from '../app/PageMessage'
import { useDocumentTitle } from '../app/useDocumentTitle'
import { useDocumentLanguage } from '../i18n/useDocumentLanguage'
import { PhoneLanguageSwitch } from './PhoneLanguageSwitch'
import type { PhoneStore } from './phoneStore'
import { GROUP_PHONE_REFRESH_MS, TABLE_PHONE_REFRESH_MS, useEventRefresh } from './useEventRefresh'
import { TableSection } from './TableSection'
import { usePhoneT } from './usePhoneT'

/** Only a group's phone loads this chunk (see groupPhoneParts.ts). */
const GroupPhoneView = lazy(() =>
  import('./groupPhoneParts').then((parts) => ({ default: parts.GroupPhoneView })),
)

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
  return (
    <div className="phone">
      <PhoneBar label={view.config.title} />
      <main className="phone__main">
        {groupId ? (
          <Suspense fallback={null}>
            <GroupPhoneView store={store} view={view} token={token} groupId={groupId} />
          </Suspense>
        ) : (
          <TablePhoneView store={store} view={view} token={token} />
        )}
      </main>
    </div>
  )
}

/** A table's phone: always that table. */
function TablePhoneView({
  store,
  view,
  token,
}: {
  store: PhoneStore
  view: EventView
  token: string
}) {
  const t = usePhoneT()
  const tableId = useStore(store, (state) => state.table)
  const table = view.config.tables.find((candidate) => candidate.id === tableId)
  useDocumentTitle(t('phone.documentTitle', { topic: table?.topic ?? '' }))
  if (!table) return null
  return (
    <TableSection
      store={store}
      view={view}
      table={table}
      token={token}
      intro={<p className="phone__intro">{t('phone.intro')}</p>}
    />
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
