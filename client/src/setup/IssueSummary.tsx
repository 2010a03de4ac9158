import { useMemo, type MouseEvent } from 'react'
import { anchorOf, domIdOf, formPathsOf } from './fieldPaths'
import { focusById } from './focusField'
import { issueMessage } from './issueMessages'
import { useSetupStore } from './setupStore'
import { useDraft } from './useDraft'
import { useT } from '../i18n/useT'

export const ISSUE_SUMMARY_ID = 'setup-issue-summary'

/**
 * Every issue at the top of the form, each a link to its field. Receives
 * focus after a refused submit, so screen readers read how many there are.
 */
export function IssueSummary() {
  const t = useT()
  const draft = useDraft()
  const issues = useSetupStore((state) => state.issues)
  const fromServer = useSetupStore((state) => state.issuesFrom === 'server')
  const formPaths = useMemo(() => formPathsOf(draft), [draft])
  if (issues.length === 0) return null
  const headingId = `${ISSUE_SUMMARY_ID}-heading`
  return (
    <div
      className="setup-summary"
      id={ISSUE_SUMMARY_ID}
      tabIndex={-1}
      aria-labelledby={headingId}
      role="group"
    >
      <h2 className="setup-summary__heading" id={headingId}>
        {issues.length === 1
          ? t('setup.summary.heading.one')
          : t('setup.summary.heading.other', { count: issues.length })}
      </h2>
      {fromServer ? <p>{t('setup.summary.fromServer')}</p> : null}
      <ul className="setup-summary__list">
        {issues.map((issue, index) => {
          const anchor = anchorOf(issue.field, formPaths)
          const message = issueMessage(issue, draft, t)
          const key = `${issue.field}/${issue.code}/${index}`
          if (anchor === '') return <li key={key}>{message}</li>
          const target = domIdOf(anchor)
          return (
            <li key={key}>
              <a
                href={`#${target}`}
                onClick={(event: MouseEvent) => {
                  // Focus, not just scroll: the organiser can type the fix right away.
                  event.preventDefault()
                  focusById(target)
                }}
              >
                {message}
              </a>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
