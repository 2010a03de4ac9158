import type { Group } from '@tablecloth/shared'
import { noteFill } from '../room/noteFill'
import type { PhoneStore } from './phoneStore'
import { SeatBanner } from './SeatBanner'
import { useGroupPhoneT } from './useGroupPhoneT'

/** A group's phone: whose phone it is („Gruppe Blau“ on the group's colour), and the move banner. */
export function GroupHeader({ store, group }: { store: PhoneStore; group: Group }) {
  const t = useGroupPhoneT()
  return (
    <>
      <p className="phone__group" data-testid="phone-group">
        <span
          className="phone__group-swatch"
          aria-hidden="true"
          style={{ background: noteFill(group.colour) }}
        />
        {t('groupPhone.label', { name: group.name })}
      </p>
      <SeatBanner store={store} />
    </>
  )
}
