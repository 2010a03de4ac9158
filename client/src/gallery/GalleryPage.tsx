import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import { PROTOCOL_VERSION } from '@tablecloth/shared'
import { apiErrorMessage } from '../api/apiErrorMessage'
import { takeLinkToken } from '../app/linkToken'
import { PageMessage } from '../app/PageMessage'
import { ProtocolMismatchMessage } from '../app/ProtocolMismatchMessage'
import { ReloadButton } from '../app/ReloadButton'
import { useServerConfig } from '../app/serverConfigStore'
import { useDocumentTitle } from '../app/useDocumentTitle'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useT } from '../i18n/useT'
import { GalleryGrid } from './GalleryGrid'
import {
  galleryReducer,
  initialGalleryState,
  type GalleryAction,
  type GalleryMode,
} from './galleryNavigation'
import { GallerySequence } from './GallerySequence'
import { GalleryToolbar } from './GalleryToolbar'
import { ThemesView } from './themes/ThemesView'
import { useAutoAdvance } from './useAutoAdvance'
import { useEveryBoardRefused, useGalleryBoards, useStartedStations } from './useGalleryBoards'
import { useGalleryEvent } from './useGalleryEvent'
import { useGalleryKeys } from './useGalleryKeys'
import './gallery.css'

/**
 * The plenary gallery ("Sichtung der Ergebnisse"): every table's board, live
 * and read-only, as a grid of tiles or one after another, for the room's
 * screen. Opened with the event's gallery link (an event-wide viewer token).
 */
export function GalleryPage({ eventId }: { eventId: string }) {
  const t = useT()
  const [token] = useState(() => takeLinkToken())
  const event = useGalleryEvent(eventId, token)
  const serverConfig = useServerConfig((state) => state.config)
  const serverStatus = useServerConfig((state) => state.status)
  const view = event.phase === 'ready' ? event.view : null
  const tableIds = useMemo(() => view?.config.tables.map((table) => table.id) ?? [], [view])
  const boards = useGalleryBoards(eventId, tableIds, token)
  // The control room's "Themen fürs Plenum bearbeiten" opens the themes view at once (`?view=themes`).
  const [state, dispatch] = useReducer(galleryReducer, undefined, () =>
    initialGalleryState(0, 1, openingMode(window.location.search)),
  )
  const secondsLeft = useAutoAdvance(state, dispatch)
  const sequence = useRef<HTMLElement>(null)
  const stationCount = useStartedStations(
    boards,
    view?.currentStation ?? 0,
    view?.config.stations.length ?? 1,
  )

  useEffect(() => {
    void useServerConfig.getState().load()
  }, [])
  useEffect(() => {
    dispatch({ type: 'setCount', count: tableIds.length, now: Date.now() })
  }, [tableIds.length])
  useEffect(() => {
    dispatch({ type: 'setStationCount', stationCount, now: Date.now() })
  }, [stationCount])
  useGalleryKeys(dispatch, state.mode)
  useDocumentTitle(
    t('gallery.documentTitle', { title: view?.config.title ?? t('gallery.heading') }),
  )

  // Focus left behind on the grid, which is gone now, moves to the board shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: state.index is the trigger: each board shown in turn takes the focus again.
  useEffect(() => {
    if (state.mode !== 'sequence') return
    const active = document.activeElement
    if (!active || active === document.body || !active.isConnected) {
      sequence.current?.focus({ preventScroll: true })
    }
  }, [state.mode, state.index])

  const open = useCallback(
    (index: number) => dispatch({ type: 'open', index, now: Date.now() } satisfies GalleryAction),
    [],
  )

  const refused = useEveryBoardRefused(boards)
  const outdated =
    serverStatus === 'fresh' && serverConfig !== null && serverConfig.protocol !== PROTOCOL_VERSION
  let problem = null
  if (!token) {
    problem = (
      <PageMessage embedded tone="error" heading={t('gallery.noToken.heading')}>
        <p>{t('gallery.noToken.body')}</p>
      </PageMessage>
    )
  } else if (outdated) {
    problem = <ProtocolMismatchMessage />
  } else if (event.phase === 'failed') {
    const denied = event.error.code === 'unauthorized' || event.error.code === 'forbidden'
    problem = (
      <PageMessage
        embedded
        tone="error"
        heading={t(denied ? 'gallery.refused.heading' : 'gallery.failed.heading')}
        actions={denied ? undefined : <ReloadButton />}
      >
        <p>{denied ? t('gallery.refused.body') : apiErrorMessage(t, event.error)}</p>
      </PageMessage>
    )
  } else if (refused) {
    problem = (
      <PageMessage embedded tone="error" heading={t('gallery.refused.heading')}>
        <p>{t('gallery.refused.body')}</p>
      </PageMessage>
    )
  } else if (!view) {
    problem = <PageMessage embedded heading={t('gallery.loading')} />
  }

  if (problem || !view || !token) {
    return (
      <div className="gallery-page" data-testid="gallery-page">
        <header className="gallery-header">
          <h1 className="gallery-header__title">{t('gallery.heading')}</h1>
          <LanguageSwitch />
        </header>
        <main className="gallery-main">{problem}</main>
      </div>
    )
  }

  const table = view.config.tables[state.index]
  return (
    <div
      className="gallery-page"
      data-testid="gallery-page"
      data-mode={state.mode}
      data-station-index={state.station}
    >
      <GalleryToolbar view={view} state={state} dispatch={dispatch} secondsLeft={secondsLeft} />
      <main className="gallery-main">
        {state.mode === 'grid' && (
          <GalleryGrid
            view={view}
            boards={boards}
            stationIndex={state.station}
            index={state.index}
            onOpen={open}
          />
        )}
        {state.mode === 'sequence' && table && (
          <GallerySequence
            ref={sequence}
            view={view}
            board={boards.get(table.id)}
            index={state.index}
            stationIndex={state.station}
          />
        )}
        {state.mode === 'themes' && <ThemesView eventId={eventId} token={token} view={view} />}
      </main>
      <footer className="gallery-keys">
        {t(state.mode === 'themes' ? 'themes.keys' : 'gallery.keys')}
      </footer>
    </div>
  )
}

/** The view a link asks for: `?view=themes` opens the themes, anything else the grid. */
export function openingMode(search: string): GalleryMode {
  return new URLSearchParams(search).get('view') === 'themes' ? 'themes' : 'grid'
}
