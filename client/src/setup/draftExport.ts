import { draftToInput, type EventDraft } from './eventDraft'
import { saveFile } from '../app/saveFile'

/**
 * The draft as a JSON file in the documented event format. Importing the file
 * gives back the same draft, so organisers can keep, mail and reuse setups.
 */
export function draftExportText(draft: EventDraft): string {
  return `${JSON.stringify(draftToInput(draft), null, 2)}\n`
}

const TRANSLITERATIONS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' }

/** A file name that says what is inside: `tablecloth-2019-07-02-regionalkonferenz.json`. */
export function draftExportFileName(draft: EventDraft): string {
  const slug = draft.title
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => TRANSLITERATIONS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  const date = /^\d{4}-\d{2}-\d{2}$/.test(draft.date) ? draft.date : ''
  return `${['tablecloth', date, slug].filter(Boolean).join('-')}.json`
}

/** Hands a text to the browser as a download. */
export function downloadTextFile(fileName: string, text: string, type = 'application/json'): void {
  saveFile(new Blob([text], { type }), fileName)
}
