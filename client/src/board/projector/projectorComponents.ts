import type { TLComponents } from 'tldraw'
import './projector.css'
import { VoteOverlay } from '../capture/VoteOverlay'

/**
 * What tldraw draws on the projector: the board and its dot counts, none of
 * the editing chrome. The licence watermark is not a component and stays.
 * A module-level constant: tldraw rebuilds its UI when this changes identity.
 */
export const PROJECTOR_COMPONENTS: TLComponents = {
  InFrontOfTheCanvas: VoteOverlay,
  ContextMenu: null,
  ActionsMenu: null,
  HelpMenu: null,
  ZoomMenu: null,
  MainMenu: null,
  Minimap: null,
  StylePanel: null,
  PageMenu: null,
  NavigationPanel: null,
  Toolbar: null,
  RichTextToolbar: null,
  ImageToolbar: null,
  VideoToolbar: null,
  KeyboardShortcutsDialog: null,
  QuickActions: null,
  HelperButtons: null,
  DebugPanel: null,
  DebugMenu: null,
  MenuPanel: null,
  TopPanel: null,
  SharePanel: null,
}
