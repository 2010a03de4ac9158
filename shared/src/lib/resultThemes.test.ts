import { describe, expect, it } from 'vitest'
import { resultsFixture } from '../testing/resultsFixture'
import { resolveThemes } from './resultThemes'

describe('resolveThemes', () => {
  const { tables } = resultsFixture()

  it('gives each saved note its text, table (number and topic) and station, in the saved order', () => {
    const [theme] = resolveThemes(tables, [{ title: 'Arbeit', noteIds: ['shape:j', 'shape:i'] }])
    expect(theme).toEqual({
      title: 'Arbeit',
      notes: [
        {
          tableId: 'arbeit',
          tableNumber: 5,
          tableTitle: 'Arbeitsmarktintegration',
          stationId: 's1',
          stationTitle: 'Station 1',
          noteId: 'shape:j',
          text: '„Motivierte“ finden Arbeit 💼',
        },
        {
          tableId: 'frauen',
          tableNumber: 1,
          tableTitle: 'Frauen, Kinderbetreuung, Sprache',
          stationId: 's2',
          stationTitle: 'Station 2',
          noteId: 'shape:i',
          text: 'Rollenverständnis thematisieren',
        },
      ],
    })
  })

  it('finds notes outside the columns too', () => {
    const [theme] = resolveThemes(tables, [{ title: 'T', noteIds: ['shape:h'] }])
    expect(theme!.notes.map((note) => note.text)).toEqual(['Müssen Analphabeten wirklich …?'])
  })

  it('leaves out ids the results do not hold, and keeps a theme with none left', () => {
    const themes = resolveThemes(tables, [
      { title: 'Gone', noteIds: ['shape:deleted'] },
      { title: 'Half', noteIds: ['shape:deleted-too', 'shape:a'] },
    ])
    expect(themes.map((theme) => [theme.title, theme.notes.map((note) => note.noteId)])).toEqual([
      ['Gone', []],
      ['Half', ['shape:a']],
    ])
  })
})
