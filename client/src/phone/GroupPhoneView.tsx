import { useStore } from 'zustand'
import type { EventView } from '@tablecloth/shared'
import { useDocumentTitle } from '../app/useDocumentTitle'
import { GroupHeader } from './GroupHeader'
import { ChangeTableButton, GroupIntro, NoSeatNotice } from './GroupNotices'
import type { PhoneStore } from './phoneStore'
import { TableQuestion } from './TableQuestion'
import { TableSection } from './TableSection'
import { usePhoneT } from './usePhoneT'

/**
 * A group's phone page once the event is loaded: the group and the move
 * banner, then the table the group sits at with the note form; in free
 * rotation, until the person says where the group sits, the table question.
 */
export function GroupPhoneView({
  store,
  view,
  token,
  groupId,
}: {
  store: PhoneStore
  view: EventView
  token: string
  groupId: string
}) {
  const t = usePhoneT()
  const tableId = useStore(store, (state) => state.table)
  const table = view.config.tables.find((candidate) => candidate.id === tableId)
  const group = view.config.groups.find((candidate) => candidate.id === groupId)
  const free = view.config.rotation.mode === 'free'
  useDocumentTitle(t('phone.documentTitle', { topic: table?.topic ?? group?.name ?? '' }))
  return (
    <>
      {group && <GroupHeader store={store} group={group} />}
      {table ? (
        <TableSection
          store={store}
          view={view}
          table={table}
          token={token}
          intro={<GroupIntro />}
          change={free ? <ChangeTableButton store={store} /> : null}
        />
      ) : free ? (
        <TableQuestion
          tables={view.config.tables}
          onChoose={(chosen) => store.getState().chooseTable(chosen)}
        />
      ) : (
        <NoSeatNotice />
      )}
    </>
  )
}
