import { useRef } from 'react'
import { draftExportFileName, draftExportText, downloadTextFile } from './draftExport'
import { MAX_IMPORT_BYTES, useSetupStore } from './setupStore'
import { useT } from '../i18n/useT'
import type { MessageKey } from '../i18n/de'

/** The ways to begin (template, empty, import) and to take the draft away as a file. */
export function StartChoices() {
  const t = useT()
  const hasDraft = useSetupStore((state) => state.draft !== null)
  const loadTemplate = useSetupStore((state) => state.loadTemplate)
  const startEmpty = useSetupStore((state) => state.startEmpty)
  const importJson = useSetupStore((state) => state.importJson)
  const showNotice = useSetupStore((state) => state.showNotice)
  const fileInput = useRef<HTMLInputElement>(null)

  const importFile = async (file: File) => {
    const refuse = (key: MessageKey) =>
      showNotice({ key, params: { file: file.name, max: MAX_IMPORT_BYTES / 1000 }, tone: 'error' })
    if (file.size > MAX_IMPORT_BYTES) {
      refuse('setup.import.tooLarge')
      return
    }
    let text: string
    try {
      text = await file.text()
    } catch (error) {
      console.warn(`Could not read ${file.name}`, error)
      refuse('setup.import.unreadable')
      return
    }
    importJson(text, file.name)
  }

  const exportDraft = () => {
    const draft = useSetupStore.getState().draft
    if (!draft) return
    const fileName = draftExportFileName(draft)
    downloadTextFile(fileName, draftExportText(draft))
    showNotice({ key: 'setup.notice.exported', params: { file: fileName }, tone: 'info' })
  }

  return (
    <section className="setup-start" aria-labelledby="setup-start-heading">
      <h2 className="setup-section__heading" id="setup-start-heading" tabIndex={-1}>
        {t('setup.start.heading')}
      </h2>
      <div className="setup-start__choices">
        <StartChoice
          id="setup-start-template"
          label={t('setup.start.template')}
          hint={t('setup.start.template.hint')}
          onClick={loadTemplate}
        />
        <StartChoice
          id="setup-start-empty"
          label={t('setup.start.empty')}
          hint={t('setup.start.empty.hint')}
          onClick={() => startEmpty(t('setup.stations.defaultTitle', { number: 1 }))}
        />
        <StartChoice
          id="setup-start-import"
          label={t('setup.start.import')}
          hint={t('setup.start.import.hint')}
          onClick={() => fileInput.current?.click()}
        />
        <StartChoice
          id="setup-start-export"
          label={t('setup.start.export')}
          hint={t('setup.start.export.hint')}
          disabled={!hasDraft}
          onClick={exportDraft}
        />
      </div>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0]
          // Cleared so choosing the same file again imports it again.
          event.target.value = ''
          if (file) void importFile(file)
        }}
      />
    </section>
  )
}

function StartChoice({
  id,
  label,
  hint,
  onClick,
  disabled = false,
}: {
  id: string
  label: string
  hint: string
  onClick(): void
  disabled?: boolean
}) {
  return (
    <button
      type="button"
      id={id}
      className="setup-start__choice"
      disabled={disabled}
      onClick={onClick}
    >
      {/* Both lines are the button's name, so what is read matches what is shown. */}
      <span className="setup-start__label">{label}</span>
      <span className="setup-start__hint">{hint}</span>
    </button>
  )
}
