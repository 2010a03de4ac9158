import type { RotateLinkRequest } from '@tablecloth/shared'
import { useT } from '../i18n/useT'
import { useControlStore } from './controlStore'

/**
 * The link a renewal just produced, shown where it was asked for, so the
 * organiser can copy it or hand it out again. `only` picks the renewals
 * this place shows.
 */
export function RotatedLinkNotice({ only }: { only: (target: RotateLinkRequest) => boolean }) {
  const t = useT()
  const notice = useControlStore((state) => state.notice)
  if (notice?.kind !== 'rotated' || !only(notice.target)) return null
  return (
    <p className="rotated-link" role="status">
      {notice.target.role === 'organiser' ? t('admin.rotatedControl') : t('admin.rotated')}{' '}
      <a href={notice.link} target="_blank" rel="noreferrer" className="rotated-link__url">
        {notice.link}
      </a>
    </p>
  )
}
