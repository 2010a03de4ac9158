import { useT } from '../../i18n/useT'

/**
 * Opens the gallery's "Themen" view with the organiser's own token, so the
 * themes can be edited there (the gallery link handed to the room only
 * reads them). The token stays in the fragment, as with every link.
 */
export function ThemesLink({ eventId, token }: { eventId: string; token: string }) {
  const t = useT()
  const link = `/e/${encodeURIComponent(eventId)}/gallery?view=themes#token=${encodeURIComponent(token)}`
  return (
    <section
      className="results-panel__block"
      aria-labelledby="results-themes-heading"
      data-testid="results-themes"
    >
      <h3 id="results-themes-heading">{t('themes.controlHeading')}</h3>
      <p>{t('themes.controlIntro')}</p>
      <div className="results-panel__links">
        <a href={link} target="_blank" rel="noreferrer" data-testid="results-themes-link">
          {t('themes.controlLink')}
        </a>
      </div>
    </section>
  )
}
