import type { ReactNode } from 'react'
import { flushSync } from 'react-dom'
import type { DraftList } from './eventDraft'
import { domIdOf } from './fieldPaths'
import { FieldIssues } from './FieldIssues'
import { focusById } from './focusField'
import { useSetupStore } from './setupStore'
import { useT } from '../i18n/useT'

/**
 * A section of the form holding one list (tables, stations, groups): its
 * heading, how full it is, the entries, and the button that adds one. The
 * heading is where issues about the list as a whole point.
 */
export function ListSection({
  list,
  heading,
  intro,
  countText,
  count,
  max,
  addLabel,
  onAdd,
  newEntryFieldPath,
  newEntryLabel,
  children,
}: {
  list: DraftList
  heading: string
  intro?: string
  countText: string
  count: number
  max: number
  addLabel: string
  onAdd(): void
  /** The first input of an entry added at the end, which receives focus. */
  newEntryFieldPath(index: number): string
  newEntryLabel(index: number): string
  children: ReactNode
}) {
  const t = useT()
  const announce = useSetupStore((state) => state.announce)
  const headingId = domIdOf(list)
  const countId = `${headingId}-count`

  const add = () => {
    flushSync(onAdd)
    focusById(domIdOf(newEntryFieldPath(count)))
    announce(t('setup.announce.added', { item: newEntryLabel(count) }))
  }

  return (
    <section className="setup-section" aria-labelledby={headingId}>
      <h2 className="setup-section__heading" id={headingId} tabIndex={-1}>
        {heading}
      </h2>
      {intro ? <p className="setup-section__intro">{intro}</p> : null}
      <p className="setup-count" id={countId}>
        {countText}
      </p>
      <FieldIssues path={list} />
      {children}
      <button
        type="button"
        id={`${headingId}-add`}
        className="button setup-add-button"
        disabled={count >= max}
        aria-describedby={countId}
        onClick={add}
      >
        <span aria-hidden="true">+</span> {addLabel}
      </button>
    </section>
  )
}
