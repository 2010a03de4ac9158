import { renderApp } from './app/renderApp'
import { SetupPage } from './setup/SetupPage'

/**
 * The entry of index.html: the setup page (the address organisers open first)
 * with the app, and every other page loaded when it is shown.
 */
renderApp({ setup: SetupPage })
