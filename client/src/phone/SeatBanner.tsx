import { useStore } from 'zustand'
import type { PhoneStore } from './phoneStore'
import { useGroupPhoneT } from './useGroupPhoneT'

/**
 * "Ihr seid jetzt am Tisch 4: …": said when a group's phone moved to the
 * group's new table by itself. The live region is on the page from the
 * start, so screen readers announce the move when its text appears.
 */
export function SeatBanner({ store }: { store: PhoneStore }) {
  const t = useGroupPhoneT()
  const moved = useStore(store, (state) => state.moved)
  return (
    <div role="status" className="phone-moved-region" data-testid="phone-moved">
      {moved && (
        <div className="phone-moved">
          <p className="phone-moved__title">
            {t('groupPhone.moved', { number: moved.number, title: moved.title })}
          </p>
          <p className="phone-moved__hint">{t('groupPhone.movedHint')}</p>
          <button
            className="button phone-moved__dismiss"
            type="button"
            onClick={() => store.getState().dismissMove()}
          >
            {t('groupPhone.movedDismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
