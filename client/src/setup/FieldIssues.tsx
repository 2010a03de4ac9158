import { issueMessage } from './issueMessages'
import { issuesIdOf } from './fieldPaths'
import { useDraft } from './useDraft'
import { useFieldIssues } from './useFieldIssues'
import { useT } from '../i18n/useT'

/** The messages for one form element, which the element names in aria-describedby. */
export function FieldIssues({ path }: { path: string }) {
  const t = useT()
  const draft = useDraft()
  const issues = useFieldIssues(path)
  if (issues.length === 0) return null
  return (
    <ul className="setup-issues" id={issuesIdOf(path)}>
      {issues.map((issue, index) => (
        <li key={`${issue.field}/${issue.code}/${index}`}>{issueMessage(issue, draft, t)}</li>
      ))}
    </ul>
  )
}
