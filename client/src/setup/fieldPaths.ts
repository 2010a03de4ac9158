import type { ValidationIssue } from '@tablecloth/shared'
import type { EventDraft } from './eventDraft'

/**
 * Validation names fields by dotted paths (`stations.1.columns.0`). The form
 * gives the element for each path an id derived from it, so an issue can be
 * shown beside its input and a summary link can focus it.
 */

/** The DOM id of the form element for a path; `''` is the event as a whole. */
export function domIdOf(path: string): string {
  return `setup-${path === '' ? 'event' : path.replace(/\./g, '-')}`
}

/** The DOM id of the message list that describes the element for a path. */
export function issuesIdOf(path: string): string {
  return `${domIdOf(path)}-issues`
}

/**
 * Every path the form has an element for: inputs, and the groups around them
 * (a table's row, a station's questions, a whole list) for issues that
 * concern more than one input.
 */
export function formPathsOf(draft: EventDraft): Set<string> {
  const paths = ['title', 'date', 'venue', 'language', 'tables', 'stations', 'groups', 'rotation']
  draft.tables.forEach((_, index) => {
    paths.push(`tables.${index}`, `tables.${index}.topic`, `tables.${index}.moderator`)
  })
  draft.stations.forEach((station, index) => {
    const at = `stations.${index}`
    paths.push(at, `${at}.title`, `${at}.durationMinutes`, `${at}.columns`)
    station.columns.forEach((_, column) => paths.push(`${at}.columns.${column}`))
  })
  draft.groups.forEach((_, index) => {
    paths.push(`groups.${index}`, `groups.${index}.name`, `groups.${index}.colour`)
  })
  if (draft.rotationMode === 'fixed') {
    paths.push('rotation.plan')
    draft.stations.forEach((_, index) => {
      paths.push(`rotation.plan.${index}`)
      for (const group of draft.groups) paths.push(`rotation.plan.${index}.${group.id}`)
    })
  }
  paths.push('showBoardToParticipants', 'startTimerOnStationChange')
  return new Set(paths)
}

/**
 * The path of the element an issue belongs to: the field itself, or else the
 * nearest enclosing one (`tables.2.id` has no input, so its table row), or
 * `''` when only the summary can show it.
 */
export function anchorOf(field: string, formPaths: ReadonlySet<string>): string {
  const parts = field === '' ? [] : field.split('.')
  for (let length = parts.length; length > 0; length--) {
    const path = parts.slice(0, length).join('.')
    if (formPaths.has(path)) return path
  }
  return ''
}

/** Issues grouped by the path of the element that shows them. */
export function issuesByAnchor(
  issues: readonly ValidationIssue[],
  draft: EventDraft,
): Record<string, ValidationIssue[]> {
  const paths = formPathsOf(draft)
  const grouped: Record<string, ValidationIssue[]> = {}
  for (const issue of issues) {
    const anchor = anchorOf(issue.field, paths)
    const shown = grouped[anchor] ?? []
    shown.push(issue)
    grouped[anchor] = shown
  }
  return grouped
}
