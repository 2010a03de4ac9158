import { useT } from '../i18n/useT'
import type { GalleryBoardStatus } from './GalleryBoard'

/** Says why a board is not live: connecting, offline (last state shown), refused. */
export function BoardStatusNote({
  status,
  ready,
  compact = false,
}: {
  status: GalleryBoardStatus
  ready: boolean
  compact?: boolean
}) {
  const t = useT()
  let message: string | null = null
  if (status === 'refused') message = t('gallery.board.refused')
  else if (status === 'offline') message = t('gallery.board.offline')
  else if (status === 'connecting' && !ready) message = t('gallery.board.connecting')
  if (!message) return null
  return (
    <span
      className="gallery-board-status"
      data-status={status}
      data-compact={compact}
      role={compact ? undefined : 'status'}
    >
      {message}
    </span>
  )
}
