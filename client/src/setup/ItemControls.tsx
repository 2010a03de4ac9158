import { flushSync } from 'react-dom'
import type { DraftList } from './eventDraft'
import { domIdOf } from './fieldPaths'
import { focusFirst } from './focusField'
import { useSetupStore } from './setupStore'
import { useT } from '../i18n/useT'

/** The ids of an entry's buttons, so focus can follow an entry that moved. */
export function controlIdsOf(list: DraftList, index: number) {
  const base = domIdOf(`${list}.${index}`)
  return { up: `${base}-up`, down: `${base}-down`, remove: `${base}-remove` }
}

/**
 * Move up, move down and remove for one entry of a list. After each action
 * keyboard focus stays with the entry (or its neighbour once it is gone), and
 * the change is announced, so the list can be rearranged without a mouse.
 */
export function ItemControls({
  list,
  index,
  count,
  label,
  minCount,
}: {
  list: DraftList
  index: number
  count: number
  /** The entry as the form names it ("Tisch 3"). */
  label: string
  /** Removing stops here: a list the event needs at least one of keeps its last entry. */
  minCount: number
}) {
  const t = useT()
  const moveEntry = useSetupStore((state) => state.moveEntry)
  const removeEntry = useSetupStore((state) => state.removeEntry)
  const announce = useSetupStore((state) => state.announce)
  const ids = controlIdsOf(list, index)

  const move = (to: number) => {
    flushSync(() => moveEntry(list, index, to))
    const moved = controlIdsOf(list, to)
    focusFirst(to < index ? [moved.up, moved.down] : [moved.down, moved.up])
    announce(t('setup.announce.moved', { item: label, position: to + 1 }))
  }

  const remove = () => {
    flushSync(() => removeEntry(list, index))
    // The entry that took its place, else the one before, else the list's add button.
    focusFirst([
      domIdOf(`${list}.${index}`),
      domIdOf(`${list}.${index - 1}`),
      `${domIdOf(list)}-add`,
    ])
    announce(t('setup.announce.removed', { item: label }))
  }

  return (
    <div className="setup-item-controls">
      <button
        type="button"
        id={ids.up}
        className="button setup-icon-button"
        disabled={index === 0}
        aria-label={t('setup.item.moveUp', { item: label })}
        title={t('setup.item.moveUp', { item: label })}
        onClick={() => move(index - 1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        id={ids.down}
        className="button setup-icon-button"
        disabled={index >= count - 1}
        aria-label={t('setup.item.moveDown', { item: label })}
        title={t('setup.item.moveDown', { item: label })}
        onClick={() => move(index + 1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        id={ids.remove}
        className="button setup-remove-button"
        disabled={count <= minCount}
        aria-label={t('setup.item.remove', { item: label })}
        onClick={remove}
      >
        {t('setup.item.removeShort')}
      </button>
    </div>
  )
}
