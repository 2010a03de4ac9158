import type { ReactNode } from 'react'
import { useT } from '../../i18n/useT'
import type { ShownText } from './shownText'

/**
 * A suggested theme, set apart from the saved ones (marked "Vorschlag",
 * dashed): nothing of it is saved until the organiser accepts it.
 */
export function SuggestionCard({
  id,
  title,
  count,
  alreadySaved,
  onAccept,
  onDiscard,
  children,
}: {
  id: string
  title: ShownText
  count: number
  alreadySaved: number
  onAccept(): void
  onDiscard(): void
  children: ReactNode
}) {
  const t = useT()
  return (
    <article
      className="themes-card themes-card--suggestion"
      aria-labelledby={`${id}-title`}
      data-testid="theme-suggestion"
      data-theme-title={title.text.replaceAll('\u00AD', '')}
    >
      <header className="themes-card__header">
        <span className="themes-card__badge">{t('themes.suggestion.badge')}</span>
        <h3 id={`${id}-title`} className="themes-card__title" dir="auto" lang={title.lang}>
          {title.text}
        </h3>
        <span className="themes-card__count">
          {count === 1 ? t('themes.theme.countOne') : t('themes.theme.count', { count })}
        </span>
      </header>
      <div className="themes-card__actions">
        <button
          type="button"
          className="gallery-button gallery-button--primary"
          onClick={onAccept}
          data-testid="theme-suggestion-accept"
        >
          {t('themes.suggestion.accept')}
        </button>
        <button
          type="button"
          className="gallery-button"
          onClick={onDiscard}
          data-testid="theme-suggestion-discard"
        >
          {t('themes.suggestion.discard')}
        </button>
      </div>
      {alreadySaved > 0 && (
        <p className="themes-card__note">
          {t('themes.suggestion.alreadySaved', { count: alreadySaved })}
        </p>
      )}
      <ul className="themes-card__notes">{children}</ul>
    </article>
  )
}
