import { useEffect, useRef, type Dispatch } from 'react'
import {
  commandAppliesIn,
  commandForKey,
  keyBelongsToControl,
  type GalleryAction,
  type GalleryMode,
  type KeyTarget,
} from './galleryNavigation'

function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return null
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return 'text'
  if (target instanceof HTMLInputElement) {
    return target.type === 'button' || target.type === 'checkbox' || target.type === 'radio'
      ? 'button'
      : 'text'
  }
  if (target instanceof HTMLSelectElement) return 'select'
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return 'button'
  return null
}

/** The auto-advance controls set auto-advance themselves; input there does not pause it. */
function isAutoAdvanceControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-gallery-auto]') !== null
}

/**
 * The gallery's keys, for a keyboard or a presentation clicker, wherever the
 * focus is (see `commandForKey` and `keyBelongsToControl`). Listens before
 * anything else on the page, so the board's own shortcuts never see them.
 * Any key or pointer input pauses auto-advance, except on its own controls.
 */
export function useGalleryKeys(dispatch: Dispatch<GalleryAction>, mode: GalleryMode): void {
  // The listener stays put while the view changes; it reads the view when a key comes.
  const modeRef = useRef(mode)
  modeRef.current = mode
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isAutoAdvanceControl(event.target)) dispatch({ type: 'pause' })
      if (event.defaultPrevented || event.isComposing) return
      const command = commandForKey(event)
      if (!command || keyBelongsToControl(event.key, keyTargetOf(event.target))) return
      if (!commandAppliesIn(modeRef.current, command)) return
      event.preventDefault()
      event.stopPropagation()
      dispatch({ type: command, now: Date.now() })
    }
    const onPointer = (event: PointerEvent) => {
      if (!isAutoAdvanceControl(event.target)) dispatch({ type: 'pause' })
    }
    window.addEventListener('keydown', onKey, true)
    window.addEventListener('pointerdown', onPointer, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      window.removeEventListener('pointerdown', onPointer, true)
    }
  }, [dispatch])
}
