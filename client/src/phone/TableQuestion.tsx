import { useId, useState } from 'react'
import type { Table } from '@tablecloth/shared'
import { useGroupPhoneT } from './useGroupPhoneT'

/** From this many tables on, a search field narrows the list. */
const SEARCH_FROM = 8

/**
 * Free rotation: "Which table are you sitting at now?", asked once per
 * station on a group's phone. Every table is a big button with its number
 * and topic; with many tables a search field narrows them by either.
 */
export function TableQuestion({
  tables,
  onChoose,
}: {
  tables: readonly Table[]
  onChoose: (tableId: string) => void
}) {
  const t = useGroupPhoneT()
  const [query, setQuery] = useState('')
  const ids = { heading: useId(), search: useId(), hint: useId() }
  const numbered = tables.map((table, index) => ({ table, number: index + 1 }))
  const wanted = query.trim().toLocaleLowerCase()
  const shown = wanted
    ? numbered.filter(
        ({ table, number }) =>
          String(number) === wanted || table.topic.toLocaleLowerCase().includes(wanted),
      )
    : numbered
  return (
    <section className="phone-tables" aria-labelledby={ids.heading}>
      <h1 className="phone-tables__question" id={ids.heading}>
        {t('groupPhone.table.question')}
      </h1>
      <p className="phone-tables__hint">{t('groupPhone.table.questionHint')}</p>
      {tables.length >= SEARCH_FROM && (
        <div className="phone-tables__search">
          <label className="phone-form__label" htmlFor={ids.search}>
            {t('groupPhone.table.search')}
          </label>
          <input
            id={ids.search}
            className="phone-tables__search-input"
            type="search"
            value={query}
            aria-describedby={ids.hint}
            onChange={(event) => setQuery(event.target.value)}
          />
          <p className="phone-form__hint" id={ids.hint}>
            {t('groupPhone.table.searchHint')}
          </p>
        </div>
      )}
      <ul className="phone-tables__list">
        {shown.map(({ table, number }) => (
          <li key={table.id}>
            <button
              className="phone-tables__choice"
              type="button"
              onClick={() => onChoose(table.id)}
            >
              <span className="phone-tables__number">
                {t('groupPhone.table.choice', { number })}
              </span>
              <span className="phone-tables__topic" dir="auto">
                {table.topic}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && (
        <p className="phone-tables__none" role="status">
          {t('groupPhone.table.none', { query: query.trim() })}
        </p>
      )}
    </section>
  )
}
