import { useRef, useState } from 'react'
import { copyText } from './copyText'
import { useT } from '../i18n/useT'

/** A link shown in full, selectable, with a button that copies it. */
export function CopyLinkField({
  id,
  label,
  link,
  describedBy,
}: {
  id: string
  label: string
  link: string
  /** The id of a warning or hint the link comes with. */
  describedBy?: string
}) {
  const t = useT()
  const field = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no')
  return (
    <div className="setup-field setup-copy">
      <label className="setup-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="setup-copy__row">
        <input
          ref={field}
          id={id}
          className="setup-field__input setup-copy__link"
          type="text"
          readOnly
          value={link}
          aria-describedby={describedBy}
          onFocus={(event) => event.target.select()}
        />
        <button
          type="button"
          className="button"
          onClick={() => {
            void copyText(link, field.current).then((done) => setCopied(done ? 'yes' : 'failed'))
          }}
        >
          {t('setup.result.copy')}
        </button>
      </div>
      <p className="setup-copy__status" role="status">
        {copied === 'yes' ? t('setup.result.copied') : null}
        {copied === 'failed' ? t('setup.result.copyFailed') : null}
      </p>
    </div>
  )
}
