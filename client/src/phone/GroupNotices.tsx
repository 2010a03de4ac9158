import { PageMessage } from '../app/PageMessage'
import type { PhoneStore } from './phoneStore'
import { useGroupPhoneT } from './useGroupPhoneT'

/** Under the table's name on a group's phone: that the phone follows the group. */
export function GroupIntro() {
  const t = useGroupPhoneT()
  return <p className="phone__intro">{t('groupPhone.intro')}</p>
}

/** Free rotation: forgets this station's table, so the phone asks again. */
export function ChangeTableButton({ store }: { store: PhoneStore }) {
  const t = useGroupPhoneT()
  return (
    <button
      className="button phone__change-table"
      type="button"
      onClick={() => store.getState().changeTable()}
    >
      {t('groupPhone.table.change')}
    </button>
  )
}

/** A plan that seats the group nowhere this station (e.g. a plan older than the tables). */
export function NoSeatNotice() {
  const t = useGroupPhoneT()
  return (
    <PageMessage heading={t('groupPhone.noSeat.heading')} tone="info">
      <p>{t('groupPhone.noSeat.body')}</p>
    </PageMessage>
  )
}
