import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Tldraw } from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import 'tldraw/tldraw.css'

/**
 * The yardstick for the board page's JavaScript: tldraw and nothing else,
 * with its fonts, icons and translations bundled as the client bundles them.
 */
const assetUrls = getAssetUrlsByImport()

/** Tells the bench's ready probe that tldraw's editor is up, as the board's enabled capture field does. */
function markReady() {
  document.documentElement.dataset.editorMounted = 'true'
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <div style={{ position: 'fixed', inset: 0 }}>
      <Tldraw assetUrls={assetUrls} onMount={markReady} />
    </div>
  </StrictMode>,
)
