import { lazy, Suspense } from 'react'
import { useDocumentLanguage } from '../i18n/useDocumentLanguage'
import { useT } from '../i18n/useT'
import { SetupPage } from '../setup/SetupPage'
import { useRoute } from './navigation'
import { NotFoundPage } from './NotFoundPage'
import { PageMessage } from './PageMessage'
import type { Route } from './routes'

// tldraw is most of the app's weight; pages without a board never load it.
const ControlRoom = lazy(() =>
  import('../control/ControlRoom').then((module) => ({ default: module.ControlRoom })),
)
const BoardPage = lazy(() =>
  import('../board/BoardPage').then((module) => ({ default: module.BoardPage })),
)
const GalleryPage = lazy(() =>
  import('../gallery/GalleryPage').then((module) => ({ default: module.GalleryPage })),
)

/**
 * The app shell: picks the page for the current path. Setup and the control
 * room plug in here by replacing their placeholders.
 */
export function App() {
  useDocumentLanguage()
  const t = useT()
  const route = useRoute()
  return (
    <Suspense fallback={<PageMessage heading={t('app.loading')} />}>
      <RouteView route={route} />
    </Suspense>
  )
}

function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <SetupPage />
    case 'board':
    case 'projector':
      return (
        <BoardPage
          key={`${route.name}/${route.eventId}/${route.tableId}`}
          eventId={route.eventId}
          tableId={route.tableId}
          projector={route.name === 'projector'}
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
