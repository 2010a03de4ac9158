import type { TLComponents } from 'tldraw'
import type { BoardMode } from '../boardMode'
import { ClusterButton } from '../clusters/ClusterButton'
import { VoteOverlay } from './VoteOverlay'
import { NewNoteMarks } from '../recap/NewNoteMarks'

function CaptureOverlays() {
  return (
    <>
      <NewNoteMarks />
      <VoteOverlay />
      <ClusterButton />
    </>
  )
}

/** What the capture feature draws inside tldraw in either mode. */
const DRAWING_COMPONENTS: TLComponents = { InFrontOfTheCanvas: CaptureOverlays }

/**
 * The moderation view: tldraw's menus, style panel, toolbars and zoom
 * controls are left out, so on a laptop nothing covers the columns; notes
 * are still selected, dragged, grouped and edited on the canvas, and the
 * right-click menu stays.
 */
const MODERATION_COMPONENTS: TLComponents = {
  ...DRAWING_COMPONENTS,
  StylePanel: null,
  MenuPanel: null,
  MainMenu: null,
  PageMenu: null,
  ActionsMenu: null,
  QuickActions: null,
  HelpMenu: null,
  ZoomMenu: null,
  NavigationPanel: null,
  Minimap: null,
  Toolbar: null,
  RichTextToolbar: null,
  SharePanel: null,
  DebugPanel: null,
  DebugMenu: null,
}

/**
 * What tldraw draws on the moderator's board in each mode. Module-level
 * constants: tldraw rebuilds its UI when the components object changes identity.
 */
export const CAPTURE_COMPONENTS: Record<BoardMode, TLComponents> = {
  moderation: MODERATION_COMPONENTS,
  drawing: DRAWING_COMPONENTS,
}
