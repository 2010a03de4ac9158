import { renderApp } from './app/renderApp'
import { EarlyBoard } from './board/earlyBoard'

/**
 * The entry of a moderator's board link (board.html, which the server sends
 * for `/e/<eventId>/t/<tableId>`). It opens the board's socket, this
 * device's copy and the event's details first, then runs the board page and
 * tldraw, which board.html has the browser fetch and compile alongside this
 * file (modulepreload, see vite/boardShellPlugin.ts), and renders the page
 * without suspending. So a first open waits for the network and for tldraw
 * at the same time, not one after the other (docs/performance.md, "Client").
 * Every other page keeps index.html, which loads tldraw only when needed.
 */
const earlyBoard = EarlyBoard.open(window.location)
import('./board/BoardPage').then(
  ({ BoardPage }) => renderApp({ board: BoardPage }, earlyBoard),
  (error: unknown) => {
    // The app's own route loads the page again, and says so if it cannot.
    console.error('The board page could not be loaded ahead', error)
    renderApp({}, earlyBoard)
  },
)
