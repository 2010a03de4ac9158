import { useEffect } from 'react'
import { useServerConfig } from '../app/serverConfigStore'
import { useDocumentTitle } from '../app/useDocumentTitle'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useT } from '../i18n/useT'
import { Announcer } from './Announcer'
import { MyEventsList } from './MyEventsList'
import { PAGE_HEADING_ID, ResultPanel } from './ResultPanel'
import { SetupForm } from './SetupForm'
import { SetupNoticeBar } from './SetupNoticeBar'
import { useSetupStore } from './setupStore'
import { StartChoices } from './StartChoices'
import './SetupPage.css'

/** The home page: set up an event, create it, and find the events created on this device. */
export function SetupPage() {
  const t = useT()
  const appT = useT()
  useDocumentTitle(t('setup.documentTitle'))
  const hasDraft = useSetupStore((state) => state.draft !== null)
  const created = useSetupStore((state) => state.created !== null)
  // Whether this server asks for its setup PIN (SetupPinField).
  useEffect(() => {
    void useServerConfig.getState().load()
  }, [])
  return (
    <div className="setup-page">
      <header className="setup-page__header">
        <span className="setup-page__brand">{appT('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className="setup-page__main">
        <h1 className="setup-page__heading" id={PAGE_HEADING_ID} tabIndex={-1}>
          {t('setup.heading')}
        </h1>
        {created ? (
          <ResultPanel />
        ) : (
          <>
            <p className="setup-page__intro">{t('setup.intro')}</p>
            <StartChoices />
            <SetupNoticeBar />
            {hasDraft ? <SetupForm /> : null}
          </>
        )}
        <MyEventsList />
        <Announcer />
      </main>
    </div>
  )
}
