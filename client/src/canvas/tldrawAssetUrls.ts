import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'

/**
 * tldraw's fonts, icons and translations as files of our own build, so they
 * come from our server and never from tldraw's CDN (the venue has no
 * internet, and no page may contact another host). Made once: tldraw
 * rebuilds its editor whenever this object changes.
 */
export const TLDRAW_ASSET_URLS = getAssetUrlsByImport()
