import type { HyphenationLanguage, RecapColumn, RecapItem, RecapStation } from '@tablecloth/shared'
import { useT } from '../../i18n/useT'
import { useRoomHyphenation, type HyphenatedText } from '../../room/roomHyphenation'

/**
 * One earlier station of the recap, as the room reads it on the projector:
 * its columns side by side under their questions, each a ranked list in big
 * type, a cluster one line under its heading with how many cards it holds,
 * dots as a count, the last group's items marked „neu“. Text is hyphenated
 * by its own language as the board's notes are, and set `dir="auto"` so an
 * Arabic note reads right to left.
 */
export function RecapView({
  station,
  language,
}: {
  station: RecapStation
  language: HyphenationLanguage
}) {
  const t = useT()
  const columns: RecapColumn[] = [
    ...station.columns,
    ...(station.unsorted ? [{ ...station.unsorted, question: t('recap.unsorted') }] : []),
  ]
  const texts = columns.flatMap((column) => [column.question, ...column.items.map(itemText)])
  const { hyphenate } = useRoomHyphenation(texts, language)
  return (
    <div
      className="recap-columns"
      style={{ gridTemplateColumns: `repeat(${columns.length}, 1fr)` }}
    >
      {columns.map((column, index) => (
        <section key={index} className="recap-column" data-testid="recap-column">
          <Hyphenated
            as="h3"
            className="recap-column__question"
            text={hyphenate(column.question)}
          />
          {column.items.length === 0 ? (
            <p className="recap-column__empty">{t('recap.emptyColumn')}</p>
          ) : (
            <ol className="recap-items">
              {column.items.map((item) => (
                <RecapLine key={itemKey(item)} item={item} hyphenate={hyphenate} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  )
}

function RecapLine({
  item,
  hyphenate,
}: {
  item: RecapItem
  hyphenate: (text: string) => HyphenatedText
}) {
  const t = useT()
  const cluster = item.kind === 'cluster'
  return (
    <li
      className={`recap-item${cluster ? ' recap-item--cluster' : ''}${item.isNew ? ' recap-item--new' : ''}`}
      data-testid="recap-item"
      data-kind={item.kind}
      data-new={item.isNew ? 'true' : 'false'}
      data-votes={item.votes}
    >
      <Hyphenated
        as="span"
        className={`recap-item__text${cluster && item.heading === undefined ? ' recap-item__text--unnamed' : ''}`}
        text={hyphenate(itemText(item))}
      />
      <span className="recap-item__facts">
        {cluster && (
          <span className="recap-item__count" data-testid="recap-cluster-count">
            {item.noteCount === 1
              ? t('recap.cards.one')
              : t('recap.cards.other', { count: item.noteCount })}
          </span>
        )}
        {item.votes > 0 && (
          <span
            className="recap-item__dots"
            data-testid="recap-dots"
            role="img"
            aria-label={
              item.votes === 1 ? t('recap.dots.one') : t('recap.dots.other', { count: item.votes })
            }
          >
            {item.votes}
          </span>
        )}
        {item.isNew && (
          <span className="recap-item__new" data-testid="recap-new">
            {t('recap.new')}
          </span>
        )}
      </span>
    </li>
  )
}

function Hyphenated({
  as: Tag,
  className,
  text,
}: {
  as: 'h3' | 'span'
  className: string
  text: HyphenatedText
}) {
  return (
    <Tag className={className} dir="auto" lang={text.lang}>
      {text.text}
    </Tag>
  )
}

/** What a line says: a note's text, a cluster's heading (or, without one, its top note). */
function itemText(item: RecapItem): string {
  return item.kind === 'note' ? item.text : (item.heading ?? item.firstText)
}

function itemKey(item: RecapItem): string {
  return item.kind === 'note' ? item.id : item.clusterId
}
