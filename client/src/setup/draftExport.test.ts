import { describe, expect, it } from 'vitest'
import { parseEventConfig } from '@tablecloth/shared'
import { draftExportFileName, draftExportText } from './draftExport'
import { coerceDraft, emptyDraft, templateDraft } from './eventDraft'

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
      'startTimerOnStationChange',
      'language',
    ])
  })

  it('keeps the event’s language and the timer setting through export and import', () => {
    const draft = { ...templateDraft(), language: 'en' as const, startTimerOnStationChange: true }
    const exported = JSON.parse(draftExportText(draft))
    expect(exported).toMatchObject({ language: 'en', startTimerOnStationChange: true })
    const parsed = parseEventConfig(exported)
    expect(parsed.ok && parsed.config.language).toBe('en')
    expect(coerceDraft(exported)).toMatchObject({ language: 'en', startTimerOnStationChange: true })
    // A file from before these settings existed reads as their defaults.
    const { language: _language, startTimerOnStationChange: _timer, ...older } = exported
    expect(coerceDraft(older)).toMatchObject({ language: 'de', startTimerOnStationChange: false })
    expect(coerceDraft({ ...older, language: 'fr' }).language).toBe('de')
  })
})
