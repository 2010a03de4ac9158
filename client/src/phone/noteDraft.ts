import {
  checkPhoneNote,
  NOTE_TEXT_MAX_LENGTH,
  normaliseNoteText,
  noteTextLength,
  type ValidationIssue,
} from '@tablecloth/shared'

/** Why a draft cannot be sent yet, in the words the page uses. */
export type DraftProblem = 'noColumn' | 'empty' | 'tooLong'

/** Characters the note will have on the board: the server's count, after trimming. */
export function draftLength(text: string): number {
  return noteTextLength(normaliseNoteText(text))
}

/** How many characters a draft has beyond the limit; 0 when it fits. */
export function draftOverflow(text: string): number {
  return Math.max(0, draftLength(text) - NOTE_TEXT_MAX_LENGTH)
}

/**
 * What keeps a draft from being sent, checked with the server's own rule.
 * The question comes first: it is the first thing on the page.
 */
export function draftProblem(
  text: string,
  column: number | null,
  columnCount: number,
): DraftProblem | null {
  if (column === null) return 'noColumn'
  const checked = checkPhoneNote({ text, column }, columnCount)
  return checked.ok ? null : problemOf(checked.issue)
}

/** A validation issue, from this page's check or the server's answer, as a draft problem. */
export function problemOf(issue: ValidationIssue): DraftProblem | null {
  if (issue.field === 'column') return 'noColumn'
  if (issue.field !== 'text') return null
  return issue.code === 'too_long' ? 'tooLong' : 'empty'
}
