import { QrCode } from '../../app/QrCode'
import { useT } from '../../i18n/useT'

/**
 * The table's phone link as a QR code in the projector's station bar, so
 * everyone at the table can add notes from their seat without typing an
 * address. Drawn in the browser like every QR code here.
 */
export default function PhoneJoinCode({ link, topic }: { link: string; topic: string }) {
  const t = useT()
  return (
    <aside className="phone-join" aria-label={t('projector.joinLabel')}>
      <QrCode value={link} label={t('projector.joinCode', { table: topic })} size={96} />
      <p className="phone-join__caption">{t('projector.joinCaption')}</p>
    </aside>
  )
}
