import { useSetupStore } from './setupStore'

/** Says list edits ("Tisch 3 entfernt.") to screen readers; invisible on screen. */
export function Announcer() {
  const announcement = useSetupStore((state) => state.announcement)
  return (
    <div className="setup-visually-hidden" aria-live="polite" aria-atomic="true">
      {/* Keyed by id, so the same sentence twice in a row is announced twice. */}
      {announcement ? <span key={announcement.id}>{announcement.text}</span> : null}
    </div>
  )
}
