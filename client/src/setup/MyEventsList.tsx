import { flushSync } from 'react-dom'
import { useDateTimeFormat } from '../i18n/dateTimeFormat'
import { focusFirst } from './focusField'
import { useMyEvents, type RememberedEvent } from './myEventsStore'
import { PAGE_HEADING_ID } from './ResultPanel'
import { useT } from '../i18n/useT'

const HEADING_ID = 'setup-my-events-heading'

/** "Meine Veranstaltungen auf diesem Gerät": the way back into each control room. */
export function MyEventsList() {
  const t = useT()
  const events = useMyEvents((state) => state.events)
  if (events.length === 0) return null
  return (
    <section className="setup-section setup-my-events" aria-labelledby={HEADING_ID}>
      <h2 className="setup-section__heading" id={HEADING_ID} tabIndex={-1}>
        {t('setup.myEvents.heading')}
      </h2>
      <p className="setup-section__intro">{t('setup.myEvents.hint')}</p>
      <ul className="setup-my-events__list">
        {events.map((event) => (
          <MyEventEntry key={event.id} event={event} />
        ))}
      </ul>
    </section>
  )
}

function MyEventEntry({ event }: { event: RememberedEvent }) {
  const t = useT()
  const format = useDateTimeFormat()
  const forget = useMyEvents((state) => state.forget)
  const title = event.title || event.id
  // Stored on this device, so read with care: an odd date is shown as it is.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(event.date) ? format.date(event.date) : event.date
  return (
    <li className="setup-my-event">
      <div className="setup-my-event__text">
        <span className="setup-my-event__title">{title}</span>
        <span className="setup-my-event__date">{date}</span>
      </div>
      <div className="setup-my-event__actions">
        <a
          className="button button--primary"
          href={event.controlLink}
          aria-label={t('setup.myEvents.openNamed', { title })}
        >
          {t('setup.myEvents.open')}
        </a>
        <button
          type="button"
          className="button"
          aria-label={t('setup.myEvents.forgetNamed', { title })}
          onClick={() => {
            // The link may be the only way back into the event, so this asks first.
            if (!window.confirm(t('setup.myEvents.confirmForget', { title }))) return
            flushSync(() => forget(event.id))
            focusFirst([HEADING_ID, PAGE_HEADING_ID])
          }}
        >
          {t('setup.myEvents.forget')}
        </button>
      </div>
    </li>
  )
}
