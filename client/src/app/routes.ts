import { PATH_SEGMENT } from '@tablecloth/shared'

/**
 * The app's pages, matched from the pathname alone. Ids follow the server's
 * rule for event and table ids, so a path the router accepts is one the sync
 * endpoint accepts too.
 */
export type Route =
  | { name: 'home' }
  | { name: 'board'; eventId: string; tableId: string }
  | { name: 'projector'; eventId: string; tableId: string }
  | { name: 'control'; eventId: string }
  | { name: 'gallery'; eventId: string }
  | { name: 'notFound' }

const ID = `(${PATH_SEGMENT})`
const BOARD = new RegExp(`^/e/${ID}/t/${ID}$`)
const PROJECTOR = new RegExp(`^/e/${ID}/t/${ID}/projector$`)
const CONTROL = new RegExp(`^/e/${ID}/control$`)
const GALLERY = new RegExp(`^/e/${ID}/gallery$`)

/** Drops one trailing slash, so `/e/x/control/` and `/e/x/control` are the same page. */
export function normalisePath(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname
}

export function matchRoute(pathname: string): Route {
  const path = normalisePath(pathname)
  if (path === '/') return { name: 'home' }
  let match = BOARD.exec(path)
  if (match?.[1] && match[2]) return { name: 'board', eventId: match[1], tableId: match[2] }
  match = PROJECTOR.exec(path)
  if (match?.[1] && match[2]) return { name: 'projector', eventId: match[1], tableId: match[2] }
  match = CONTROL.exec(path)
  if (match?.[1]) return { name: 'control', eventId: match[1] }
  match = GALLERY.exec(path)
  if (match?.[1]) return { name: 'gallery', eventId: match[1] }
  return { name: 'notFound' }
}

/** Builds the path of a page; the inverse of `matchRoute`. */
export function pathOf(route: Route): string {
  switch (route.name) {
    case 'home':
    case 'notFound':
      return '/'
    case 'board':
      return `/e/${route.eventId}/t/${route.tableId}`
    case 'projector':
      return `/e/${route.eventId}/t/${route.tableId}/projector`
    case 'control':
      return `/e/${route.eventId}/control`
    case 'gallery':
      return `/e/${route.eventId}/gallery`
    default: {
      const unknownRoute: never = route
      throw new Error(`unknown route ${JSON.stringify(unknownRoute)}`)
    }
  }
}
