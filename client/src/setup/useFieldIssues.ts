import type { ValidationIssue } from '@tablecloth/shared'
import { issuesIdOf } from './fieldPaths'
import { useSetupStore } from './setupStore'

const NONE: readonly ValidationIssue[] = []

/** The issues shown beside the form element for a path. */
export function useFieldIssues(path: string): readonly ValidationIssue[] {
  return useSetupStore((state) => state.fieldIssues[path] ?? NONE)
}

/**
 * The ARIA attributes that tie an input to its hint and its issues, so a
 * screen reader reads the reason along with the label.
 */
export function useIssueAttributes(path: string, hintId?: string) {
  const issues = useFieldIssues(path)
  const invalid = issues.length > 0
  const describedBy = [hintId, invalid ? issuesIdOf(path) : undefined].filter(Boolean).join(' ')
  return {
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy || undefined,
  }
}
