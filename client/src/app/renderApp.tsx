import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { registerServiceWorker } from '../offline/registerServiceWorker'
import type { EarlyBoard } from '../board/earlyBoard'
import { App, type LoadedPages } from './App'
import './app.css'

/**
 * Renders the app into index.html's or board.html's root, with the pages that
 * entry loaded already and, on a board link, the board it opened early.
 */
export function renderApp(loaded: LoadedPages = {}, earlyBoard: EarlyBoard | null = null): void {
  const root = document.getElementById('root')
  if (!root) throw new Error('the page has no #root element')
  createRoot(root).render(
    <StrictMode>
      <App loaded={loaded} earlyBoard={earlyBoard} />
    </StrictMode>,
  )
  // Only built apps have a service worker; in development it would serve stale modules.
  if (import.meta.env.PROD) registerServiceWorker()
}
