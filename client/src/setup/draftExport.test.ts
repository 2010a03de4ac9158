import { describe, expect, it } from 'vitest'
import { parseEventConfig } from '@tablecloth/shared'
import { draftExportFileName, draftExportText } from './draftExport'
import { emptyDraft, templateDraft } from './eventDraft'

describe('draft export', () => {
  it('names the file after date and title', () => {
    expect(draftExportFileName(templateDraft())).toBe(
      'tablecloth-2019-07-02-regionalkonferenz-pakt-fuer-integration.json',
    )
    expect(draftExportFileName(emptyDraft('Station 1', '2026-03-12'))).toBe(
      'tablecloth-2026-03-12.json',
    )
    expect(draftExportFileName({ ...emptyDraft('S', 'bald'), title: '!!!' })).toBe(
      'tablecloth.json',
    )
  })

  it('writes the documented event format, which the server accepts as it is', () => {
    const text = draftExportText(templateDraft())
    const parsed = parseEventConfig(JSON.parse(text))
    expect(parsed.ok).toBe(true)
    expect(Object.keys(JSON.parse(text))).toEqual([
      'title',
      'date',
      'venue',
      'tables',
      'stations',
      'groups',
      'rotation',
      'showBoardToParticipants',
    ])
  })
})
