import type { TLComponents } from 'tldraw'
import { ClusterButton } from '../clusters/ClusterButton'
import { VoteOverlay } from './VoteOverlay'

function CaptureOverlays() {
  return (
    <>
      <VoteOverlay />
      <ClusterButton />
    </>
  )
}

/**
 * What the capture feature draws inside tldraw. A module-level constant:
 * tldraw rebuilds its UI when the components object changes identity.
 */
export const CAPTURE_COMPONENTS: TLComponents = { InFrontOfTheCanvas: CaptureOverlays }
