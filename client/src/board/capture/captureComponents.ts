import type { TLComponents } from 'tldraw'
import { VoteOverlay } from './VoteOverlay'

/**
 * What the capture feature draws inside tldraw. A module-level constant:
 * tldraw rebuilds its UI when the components object changes identity.
 */
export const CAPTURE_COMPONENTS: TLComponents = { InFrontOfTheCanvas: VoteOverlay }
