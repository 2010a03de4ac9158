import { describe, expect, it } from 'vitest'
import { resultsFixture, resultsWithThemesFixture } from '../testing/resultsFixture'
import { PROGRAMME_ANCHOR, resultsOutline, textDirection, THEMES_ANCHOR } from './resultsOutline'

describe('resultsOutline', () => {
  const results = resultsFixture()
  const outline = resultsOutline(results, { timeZone: 'Europe/Berlin' })

  it('opens with the cover: event, the word for results, date in words and venue', () => {
    expect(outline.locale).toBe('de-DE')
    expect(outline.cover).toEqual({
      title: results.event.title,
      subtitle: 'Ergebnisse',
      date: '2. Juli 2019',
      venue: 'Hermann-Schwab-Halle Winnenden',
    })
    expect(outline.documentTitle).toBe(`${results.event.title} – Ergebnisse`)
    expect(outline.pageNumber).toEqual({ before: 'Seite ', between: ' von ', after: '' })
  })

  it('lists the programme with every station’s questions', () => {
    expect(outline.programme.heading).toBe('Programm')
    expect(outline.programme.stations).toEqual([
      { id: 's1', heading: 'Station 1', questions: ['Was läuft gut?', 'Wo hakt es?'] },
      {
        id: 's2',
        heading: 'Station 2',
        questions: ['Was sind unsere Ziele?', 'Was soll ein gutes IntMan leisten?'],
      },
    ])
  })

  it('has a contents entry for the programme, every table and every station, in order', () => {
    expect(outline.contents.heading).toBe('Inhalt')
    expect(outline.contents.entries.map((entry) => [entry.level, entry.title])).toEqual([
      [1, 'Programm'],
      [1, 'Thementisch 1: Frauen, Kinderbetreuung, Sprache'],
      [2, 'Station 1'],
      [2, 'Station 2'],
      [1, 'Thementisch 5: Arbeitsmarktintegration'],
      [2, 'Station 1'],
    ])
    const anchors = outline.contents.entries.map((entry) => entry.anchor)
    expect(new Set(anchors).size).toBe(anchors.length)
    expect(anchors).toEqual([
      PROGRAMME_ANCHOR,
      ...outline.tables.flatMap((table) => [
        table.anchor,
        ...table.stations.map((station) => station.anchor),
      ]),
    ])
  })

  it('gives each question its notes, clusters under their heading, dots in words', () => {
    const [frauen, arbeit] = outline.tables
    expect(frauen!.heading).toBe('Thementisch 1: Frauen, Kinderbetreuung, Sprache')
    expect(frauen!.moderator).toBe('Moderation: Cora Westrick')
    expect(arbeit!.moderator).toBeUndefined()
    const station = frauen!.stations[0]!
    expect(station.source).toBe('Stand beim Stationswechsel, 02.07.2019, 11:45')
    expect(station.columns[0]!.heading).toBe('Was läuft gut?')
    expect(station.columns[0]!.items).toEqual([
      {
        kind: 'note',
        note: {
          id: 'shape:a',
          text: 'Unterstützung durch Ehrenamt: Sprachgebrauch',
          votes: '2 Punkte',
          direction: 'ltr',
        },
      },
      {
        kind: 'cluster',
        heading: 'Kulturprogramme',
        direction: 'ltr',
        notes: [
          { id: 'shape:b', text: 'Altkunden', direction: 'ltr' },
          { id: 'shape:c', text: 'Kochabende 🍲', votes: '1 Punkt', direction: 'ltr' },
        ],
      },
      { kind: 'note', note: { id: 'shape:d', text: 'مرحبا بكم في المقهى', direction: 'rtl' } },
    ])
    expect(station.unsorted).toEqual({
      heading: 'Außerhalb der Spalten',
      items: [
        {
          kind: 'note',
          note: { id: 'shape:h', text: 'Müssen Analphabeten wirklich …?', direction: 'ltr' },
        },
      ],
    })
    expect(frauen!.stations[1]!.unsorted).toBeUndefined()
    expect(frauen!.stations[1]!.columns[0]!.items).toEqual([])
  })

  it('speaks English when asked', () => {
    const english = resultsOutline(results, { language: 'en', timeZone: 'UTC' })
    expect(english.cover.date).toBe('2 July 2019')
    expect(english.contents.heading).toBe('Contents')
    expect(english.tables[0]!.heading).toBe('Topic table 1: Frauen, Kinderbetreuung, Sprache')
    expect(english.tables[1]!.stations[0]!.columns[0]!.items[0]).toMatchObject({
      note: { votes: '4 dots' },
    })
  })
})

describe('textDirection', () => {
  it('reads the first letter, as dir="auto" does', () => {
    expect(textDirection('مرحبا بكم في المقهى')).toBe('rtl')
    expect(textDirection('„مرحبا“ heißt willkommen')).toBe('rtl')
    expect(textDirection('Willkommen: مرحبا')).toBe('ltr')
    expect(textDirection('שלום')).toBe('rtl')
    expect(textDirection('2019 – 🚸 …')).toBe('ltr')
    expect(textDirection('٢٠١٩ مرحبا')).toBe('rtl')
  })
})

describe('resultsOutline with saved themes', () => {
  const results = resultsWithThemesFixture()

  it('has no themes chapter when no theme was saved', () => {
    const outline = resultsOutline(resultsFixture())
    expect(outline.themes).toBeUndefined()
    expect(outline.contents.entries.some((entry) => entry.anchor === THEMES_ANCHOR)).toBe(false)
  })

  it('puts the chapter after the programme and before the tables in the contents', () => {
    const outline = resultsOutline(results)
    expect(outline.contents.entries.slice(0, 5).map((entry) => [entry.level, entry.title])).toEqual(
      [
        [1, 'Programm'],
        [1, 'Querschnittsthemen'],
        [2, 'Arbeit & „Motivation“'],
        [2, 'Sprache und Rollen'],
        [1, 'Thementisch 1: Frauen, Kinderbetreuung, Sprache'],
      ],
    )
  })

  it('lists each theme’s notes under their table and station, places in the theme’s order', () => {
    const { themes } = resultsOutline(results, { language: 'en' })
    expect(themes!.heading).toBe('Cross-table themes')
    const listed = themes!.themes.map((theme) => [
      theme.heading,
      theme.items.map((item) =>
        item.kind === 'cluster' ? [item.heading, item.notes.map((note) => note.text)] : item,
      ),
    ])
    expect(listed).toEqual([
      [
        'Arbeit & „Motivation“',
        [
          ['Topic table 5: Arbeitsmarktintegration · Station 1', ['„Motivierte“ finden Arbeit 💼']],
          [
            'Topic table 1: Frauen, Kinderbetreuung, Sprache · Station 1',
            ['Unterstützung durch Ehrenamt: Sprachgebrauch'],
          ],
        ],
      ],
      [
        'Sprache und Rollen',
        [
          ['Topic table 1: Frauen, Kinderbetreuung, Sprache · Station 1', ['مرحبا بكم في المقهى']],
          [
            'Topic table 1: Frauen, Kinderbetreuung, Sprache · Station 2',
            ['Rollenverständnis thematisieren'],
          ],
          ['Topic table 5: Arbeitsmarktintegration · Station 1', ['Sprachkurse für Mütter fehlen']],
        ],
      ],
    ])
    // An Arabic note reads right to left here as in its column.
    const arabic = themes!.themes[1]!.items[0]!
    expect(arabic.kind === 'cluster' && arabic.notes[0]!.direction).toBe('rtl')
  })
})
