import type { ReactNode } from 'react'
import type { DraftList } from './eventDraft'
import { domIdOf } from './fieldPaths'
import { FieldIssues } from './FieldIssues'
import { ItemControls } from './ItemControls'

/**
 * One table, station or group: its fields under a legend ("Tisch 3"), with
 * the buttons that move and remove it. The fieldset is where issues about the
 * entry as a whole point, and where focus lands when a neighbour is removed.
 */
export function EntryFieldset({
  list,
  index,
  count,
  label,
  minCount,
  children,
  below,
}: {
  list: DraftList
  index: number
  count: number
  label: string
  minCount: number
  /** The entry's own fields, side by side on wide screens. */
  children: ReactNode
  /** Anything under the fields at full width, such as a station's questions. */
  below?: ReactNode
}) {
  const path = `${list}.${index}`
  return (
    <fieldset className={`setup-entry setup-entry--${list}`} id={domIdOf(path)} tabIndex={-1}>
      <legend className="setup-entry__legend">{label}</legend>
      <FieldIssues path={path} />
      <div className="setup-entry__main">
        <div className="setup-entry__fields">{children}</div>
        <ItemControls list={list} index={index} count={count} label={label} minCount={minCount} />
      </div>
      {below}
    </fieldset>
  )
}
