import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { registerServiceWorker } from './offline/registerServiceWorker'
import './app/app.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

// Only built apps have a service worker; in development it would serve stale modules.
if (import.meta.env.PROD) registerServiceWorker()
