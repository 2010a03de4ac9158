import type { ReactNode } from 'react'
import type { BoardPresence, PresenceKind } from '@tablecloth/shared'
import { useT } from '../i18n/useT'

/** The kinds shown on every card, then the ones shown only when present. */
const ALWAYS: readonly PresenceKind[] = ['moderators', 'projectors', 'phones']
const WHEN_PRESENT: readonly PresenceKind[] = ['organisers', 'gallery']

/**
 * Who has the table's board open, by link: moderators, projectors and
 * phones always (0 too, so a missing projector shows), the control room and
 * the gallery when they are there. Each with an icon and a word, so nothing
 * depends on colour.
 */
export function PresenceSummary({
  presence,
  phonesWatch,
}: {
  presence: BoardPresence
  /** Whether the event shows participants the board; otherwise phones never connect to it. */
  phonesWatch: boolean
}) {
  const t = useT()
  const kinds = [...ALWAYS, ...WHEN_PRESENT.filter((kind) => presence[kind] > 0)].filter(
    (kind) => kind !== 'phones' || phonesWatch,
  )
  return (
    <>
      <ul className="presence-summary" aria-label={t('presence.listLabel')} data-testid="presence">
        {kinds.map((kind) => (
          <li
            key={kind}
            className={`presence-summary__item${presence[kind] === 0 ? ' presence-summary__item--none' : ''}`}
            data-kind={kind}
            data-count={presence[kind]}
          >
            <PresenceIcon kind={kind} />
            {t('presence.count', { label: t(`presence.${kind}`), count: presence[kind] })}
          </li>
        ))}
      </ul>
      {!phonesWatch && <p className="presence-summary__note">{t('presence.phonesNoBoard')}</p>}
    </>
  )
}

/** A small line drawing per kind of link, in the text's colour. */
function PresenceIcon({ kind }: { kind: PresenceKind }) {
  return (
    <svg
      className="presence-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {ICON_PATHS[kind]}
    </svg>
  )
}

const ICON_PATHS: Record<PresenceKind, ReactNode> = {
  // A laptop: the moderator's board.
  moderators: (
    <>
      <rect x="4" y="5" width="16" height="11" rx="1" />
      <path d="M2 19h20" />
    </>
  ),
  // A projection screen on its stand.
  projectors: (
    <>
      <rect x="3" y="3" width="18" height="12" rx="1" />
      <path d="M12 15v4M8 21l4-2 4 2" />
    </>
  ),
  // A phone.
  phones: (
    <>
      <rect x="7" y="2" width="10" height="20" rx="2" />
      <path d="M11 18h2" />
    </>
  ),
  // A desk with a monitor: the organiser's control room.
  organisers: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="1" />
      <path d="M9 20h6M12 16v4" />
    </>
  ),
  // A grid of tiles: the plenary gallery.
  gallery: (
    <>
      <rect x="3" y="3" width="8" height="8" rx="1" />
      <rect x="13" y="3" width="8" height="8" rx="1" />
      <rect x="3" y="13" width="8" height="8" rx="1" />
      <rect x="13" y="13" width="8" height="8" rx="1" />
    </>
  ),
}
