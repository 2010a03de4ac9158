import type * as Y from 'yjs'
import type { Editor } from 'tldraw'
import type { WebsocketProvider } from 'y-websocket'

/**
 * Test and debug hook: the open board publishes its editor, doc and sync
 * provider as `window.__tablecloth`, so end-to-end tests can read and write
 * notes, and so the board can be inspected from the browser console. It
 * exposes nothing the page does not already hold. The projector has no
 * editor (it draws the doc itself) and publishes doc and provider only.
 */
export interface TableclothHook {
  editor?: Editor
  doc: Y.Doc
  provider: WebsocketProvider
}

declare global {
  interface Window {
    __tablecloth?: TableclothHook
  }
}

/** Publishes the hook; the returned function withdraws it again. */
export function publishTestHook(hook: TableclothHook): () => void {
  window.__tablecloth = hook
  return () => {
    if (window.__tablecloth === hook) delete window.__tablecloth
  }
}
