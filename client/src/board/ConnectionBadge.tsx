import type { MessageKey } from '../i18n/de'
import { useT } from '../i18n/useT'
import { useBadgeState, type ConnectionBadgeState } from '../canvas/connectionStore'

const TEXTS: Record<ConnectionBadgeState, { label: MessageKey; hint: MessageKey }> = {
  online: { label: 'connection.online', hint: 'connection.online.hint' },
  syncing: { label: 'connection.syncing', hint: 'connection.syncing.hint' },
  offline: { label: 'connection.offline', hint: 'connection.offline.hint' },
  'saved-locally': { label: 'connection.savedLocally', hint: 'connection.savedLocally.hint' },
  stopped: { label: 'connection.stopped', hint: 'connection.stopped.hint' },
}

/** The board's connection at a glance; `data-state` is what the e2e tests read. */
export function ConnectionBadge() {
  const t = useT()
  const state = useBadgeState()
  const { label, hint } = TEXTS[state]
  return (
    <span
      className="connection-badge"
      data-testid="connection-state"
      data-state={state}
      role="status"
      title={t(hint)}
      aria-label={`${t('connection.label')}: ${t(label)}. ${t(hint)}`}
    >
      <span className="connection-badge__dot" aria-hidden="true" />
      <span className="connection-badge__label">{t(label)}</span>
    </span>
  )
}
