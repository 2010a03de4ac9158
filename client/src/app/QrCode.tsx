import { useEffect, useState } from 'react'
import QRCode from 'qrcode'

/** A QR code drawn in the browser; no outside service sees the link. */
export function QrCode({
  value,
  label,
  size = 160,
}: {
  value: string
  label: string
  size?: number
}) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    QRCode.toDataURL(value, { margin: 1, width: size, errorCorrectionLevel: 'M' }).then(
      (url) => {
        if (!cancelled) setSrc(url)
      },
      (error: unknown) => console.warn('QR code could not be drawn', error),
    )
    return () => {
      cancelled = true
    }
  }, [value, size])
  return src ? <img src={src} width={size} height={size} alt={label} /> : null
}
