import { lazy, Suspense } from 'react'
import { useDocumentLanguage } from '../i18n/useDocumentLanguage'
import { useT } from '../i18n/useT'
import { useRoute } from './navigation'
import { NotFoundPage } from './NotFoundPage'
import { PageMessage } from './PageMessage'
import type { Route } from './routes'
import type { BoardPage as LoadedBoardPage } from '../board/BoardPage'
import type { SetupPage as LoadedSetupPage } from '../setup/SetupPage'
import type { EarlyBoard } from '../board/earlyBoard'

// tldraw is most of the app's weight; pages without a board never load it.
const SetupPage = lazy(() =>
  import('../setup/SetupPage').then((module) => ({ default: module.SetupPage })),
)
const ControlRoom = lazy(() =>
  import('../control/ControlRoom').then((module) => ({ default: module.ControlRoom })),
)
const BoardPage = lazy(() =>
  import('../board/BoardPage').then((module) => ({ default: module.BoardPage })),
)
// The projector is a page of its own without tldraw (see board/projector/ProjectorPage).
const ProjectorPage = lazy(() =>
  import('../board/projector/ProjectorPage').then((module) => ({ default: module.ProjectorPage })),
)
const GalleryPage = lazy(() =>
  import('../gallery/GalleryPage').then((module) => ({ default: module.GalleryPage })),
)

/**
 * Pages an entry loads together with the app (index.html: the setup page,
 * board.html: the board page), shown without suspending: a lazy page, even
 * one already loaded, suspends once, and React then holds its content back
 * for up to 300 ms after the fallback appeared.
 */
export interface LoadedPages {
  setup?: typeof LoadedSetupPage
  board?: typeof LoadedBoardPage
}

/**
 * The app shell: picks the page for the current path. Setup and the control
 * room plug in here by replacing their placeholders.
 */
export function App({
  loaded = {},
  earlyBoard = null,
}: {
  loaded?: LoadedPages
  /** A board link's board, opened by board.html before the app ran. */
  earlyBoard?: EarlyBoard | null
}) {
  useDocumentLanguage()
  const t = useT()
  const route = useRoute()
  return (
    <Suspense fallback={<PageMessage heading={t('app.loading')} />}>
      <RouteView route={route} loaded={loaded} earlyBoard={earlyBoard} />
    </Suspense>
  )
}

function RouteView({
  route,
  loaded,
  earlyBoard,
}: {
  route: Route
  loaded: LoadedPages
  earlyBoard: EarlyBoard | null
}) {
  const Setup = loaded.setup ?? SetupPage
  const Board = loaded.board ?? BoardPage
  switch (route.name) {
    case 'home':
      return <Setup />
    case 'board':
      return (
        <Board
          key={`${route.name}/${route.eventId}/${route.tableId}`}
          eventId={route.eventId}
          tableId={route.tableId}
          early={earlyBoard}
        />
      )
    case 'projector':
      return (
        <ProjectorPage
          key={`${route.name}/${route.eventId}/${route.tableId}`}
          eventId={route.eventId}
          tableId={route.tableId}
        />
      )
    case 'control':
      return <ControlRoom eventId={route.eventId} />
    case 'gallery':
      return <GalleryPage key={route.eventId} eventId={route.eventId} />
    case 'notFound':
      return <NotFoundPage />
    default: {
      const unknownRoute: never = route
      throw new Error(`no page for route ${JSON.stringify(unknownRoute)}`)
    }
  }
}
