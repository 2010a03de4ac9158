import { useState } from 'react'
import type { EventView } from '@tablecloth/shared'
import { useDateTimeFormat } from '../i18n/dateTimeFormat'
import { useT } from '../i18n/useT'
import { useControlStore } from './controlStore'
import { RotatedLinkNotice } from './RotatedLinkNotice'

/**
 * Looking after the event: a save point of every board, the control room's
 * and the gallery's links renewed, how long the server keeps the event, and
 * deleting it for good (the title typed to confirm, as nothing brings it back).
 */
export function EventAdmin({ view }: { view: EventView }) {
  const t = useT()
  const format = useDateTimeFormat()
  const { saveNow, rotateLink, deleteEvent, busy, notice } = useControlStore()
  const [typedTitle, setTypedTitle] = useState('')
  const confirmed = typedTitle.trim() === view.config.title.trim()

  return (
    <section className="control-panel event-admin" aria-labelledby="admin-heading">
      <h2 id="admin-heading">{t('admin.heading')}</h2>

      <div className="event-admin__block">
        <button type="button" onClick={() => void saveNow()} disabled={busy !== null}>
          {busy === 'save' ? t('admin.saving') : t('admin.saveNow')}
        </button>
        <p className="event-admin__hint">{t('admin.saveNowHint')}</p>
        <p role="status">
          {notice?.kind === 'saved' ? t('admin.saved', { count: notice.count }) : ''}
        </p>
      </div>

      <div className="event-admin__block">
        <h3>{t('admin.linksHeading')}</h3>
        <p className="event-admin__hint">{t('admin.linksHint')}</p>
        <div className="control-buttons">
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => {
              if (window.confirm(t('admin.rotateControlConfirm')))
                void rotateLink({ role: 'organiser' })
            }}
          >
            {t('admin.rotateControl')}
          </button>
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => {
              const question = t('admin.rotateConfirm', {
                link: t('admin.rotateGallery'),
                table: view.config.title,
              })
              if (window.confirm(question)) void rotateLink({ role: 'viewer', tableId: null })
            }}
          >
            {t('admin.rotateGallery')}
          </button>
        </div>
        <RotatedLinkNotice only={(target) => target.role === 'organiser' || !target.tableId} />
      </div>

      <p className="event-admin__hint">
        {view.expiresAt
          ? t('admin.expires', { date: format.date(view.expiresAt) })
          : t('admin.keeps')}
      </p>

      <form
        className="event-admin__block event-admin__delete"
        aria-labelledby="delete-heading"
        onSubmit={(event) => {
          event.preventDefault()
          if (confirmed) void deleteEvent()
        }}
      >
        <h3 id="delete-heading">{t('admin.deleteHeading')}</h3>
        <p className="event-admin__hint">{t('admin.deleteHint')}</p>
        <label>
          {t('admin.deleteTypeTitle', { title: view.config.title })}
          <input
            type="text"
            value={typedTitle}
            autoComplete="off"
            onChange={(event) => setTypedTitle(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="event-admin__danger"
          disabled={!confirmed || busy !== null}
        >
          {busy === 'delete' ? t('admin.deleting') : t('admin.deleteConfirm')}
        </button>
      </form>
    </section>
  )
}
