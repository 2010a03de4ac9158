import { EventLanguageField } from './EventLanguageField'
import { useSetupStore } from './setupStore'
import { TextField } from './TextField'
import { useDraft } from './useDraft'
import { useT } from '../i18n/useT'

/** Title, date, venue and language of the café day. */
export function EventDetailsFields() {
  const t = useT()
  const { title, date, venue } = useDraft()
  const update = useSetupStore((state) => state.update)
  return (
    <section className="setup-section" aria-labelledby="setup-details-heading">
      <h2 className="setup-section__heading" id="setup-details-heading">
        {t('setup.details.heading')}
      </h2>
      <div className="setup-details">
        <TextField
          path="title"
          label={t('setup.field.title')}
          value={title}
          required
          onChange={(value) =>
            update((draft) => {
              draft.title = value
            })
          }
        />
        <TextField
          path="date"
          type="date"
          label={t('setup.field.date')}
          value={date}
          required
          onChange={(value) =>
            update((draft) => {
              draft.date = value
            })
          }
        />
        <TextField
          path="venue"
          label={t('setup.optional', { label: t('setup.field.venue') })}
          value={venue}
          onChange={(value) =>
            update((draft) => {
              draft.venue = value
            })
          }
        />
        <EventLanguageField />
      </div>
    </section>
  )
}
