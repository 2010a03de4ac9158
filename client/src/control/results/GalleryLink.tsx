import { useState } from 'react'
import { QrCode } from '../../app/QrCode'
import { useT } from '../../i18n/useT'

/**
 * The plenary gallery: every board read-only, for the closing round. The link
 * carries a viewer token after `#`, so it can be shown on the projector or
 * handed out as a QR code.
 */
export function GalleryLink({ link }: { link: string }) {
  const t = useT()
  const [showQr, setShowQr] = useState(false)
  return (
    <section
      className="results-panel__block"
      aria-labelledby="results-gallery-heading"
      data-testid="results-gallery"
    >
      <h3 id="results-gallery-heading">{t('results.galleryHeading')}</h3>
      <p>{t('results.galleryIntro')}</p>
      <div className="results-panel__links">
        <a href={link} target="_blank" rel="noreferrer">
          {t('results.galleryOpen')}
        </a>
        <button type="button" aria-expanded={showQr} onClick={() => setShowQr(!showQr)}>
          {showQr ? t('results.galleryQrHide') : t('results.galleryQrShow')}
        </button>
      </div>
      {showQr && (
        <figure className="results-panel__qr">
          <QrCode value={link} label={t('results.galleryQr')} />
        </figure>
      )}
    </section>
  )
}
