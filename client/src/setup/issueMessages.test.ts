import { describe, expect, it } from 'vitest'
import { VALIDATION_CODES, type ValidationIssue } from '@tablecloth/shared'
import { setupDe } from '../i18n/setupMessages.de'
import { setupEn } from '../i18n/setupMessages.en'
import { LANGUAGES, placeholdersOf } from '../i18n/translate'
import { coerceDraft, templateDraft, type EventDraft } from './eventDraft'
import { formPathsOf } from './fieldPaths'
import { fieldLabel, issueMessage } from './issueMessages'
import { CATALOGS, createTranslator } from '../i18n/translate'

const de = createTranslator('de')
const en = createTranslator('en')

/** Params as the validator sends them, so every placeholder has a value. */
const PARAMS = {
  min: 1,
  max: 200,
  id: 'x1',
  group: 'g1',
  table: 't2',
  omitted: 3,
  expected: 'array',
}

function draftWithGroups(): EventDraft {
  const draft = templateDraft()
  draft.groups = [
    { id: 'g1', name: 'Gelb', colour: 'yellow' },
    { id: 'g2', name: '', colour: '' },
  ]
  draft.rotationMode = 'fixed'
  return draft
}

describe('setup catalogues', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(setupEn).sort()).toEqual(Object.keys(setupDe).sort())
  })

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(setupDe) as Array<keyof typeof setupDe>) {
      expect(placeholdersOf(setupEn[key]), key).toEqual(placeholdersOf(setupDe[key]))
    }
  })

  it('prefix every key with setup. and leave no message empty', () => {
    for (const language of LANGUAGES) {
      for (const [key, message] of Object.entries(CATALOGS[language]).filter(
        ([key]) => key in setupDe,
      )) {
        expect(key.startsWith('setup.'), key).toBe(true)
        expect(message.trim(), `${language} ${key}`).not.toBe('')
      }
    }
  })
})

describe('issue messages', () => {
  it('have a translation for every validation code in both languages', () => {
    for (const code of VALIDATION_CODES) {
      expect(setupDe, code).toHaveProperty([`setup.issue.${code}`])
      expect(setupEn, code).toHaveProperty([`setup.issue.${code}`])
    }
  })

  it('fill in every placeholder for every code in both languages', () => {
    const draft = draftWithGroups()
    for (const t of [de, en]) {
      for (const code of VALIDATION_CODES) {
        const issue: ValidationIssue = { field: 'stations.0.title', code, params: PARAMS }
        const message = issueMessage(issue, draft, t)
        expect(message, code).not.toMatch(/[{}]/)
        expect(message, code).not.toContain(code)
      }
    }
  })

  it('name the field and the reason', () => {
    const draft = templateDraft()
    expect(issueMessage({ field: 'stations.1.columns.0', code: 'required' }, draft, de)).toBe(
      'Station 2, Frage 1: Bitte ausfüllen.',
    )
    expect(issueMessage({ field: 'stations.1.columns.0', code: 'required' }, draft, en)).toBe(
      'Station 2, Question 1: Please fill in.',
    )
    expect(
      issueMessage({ field: 'title', code: 'too_long', params: { max: 200 } }, draft, de),
    ).toBe('Titel: Höchstens 200 Zeichen.')
    expect(
      issueMessage(
        { field: 'stations.0.durationMinutes', code: 'out_of_range', params: { min: 1 } },
        draft,
        de,
      ),
    ).toBe('Station 1, Dauer in Minuten: Mindestens 1.')
    expect(issueMessage({ field: 'tables.10.topic', code: 'required' }, draft, en)).toBe(
      'Table 11, Topic: Please fill in.',
    )
  })

  it('name groups and tables of a seating plan as the organiser knows them', () => {
    const draft = draftWithGroups()
    const shared: ValidationIssue = {
      field: 'rotation.plan.1.g2',
      code: 'table_shared',
      params: { table: 't3', group: 'g1' },
    }
    expect(issueMessage(shared, draft, de)).toBe(
      'Sitzplan, Station 2, Gruppe 2: Tisch 3 ist in dieser Station schon mit Gruppe „Gelb“ besetzt.',
    )
    expect(issueMessage({ field: 'rotation.plan.0.g1', code: 'group_not_seated' }, draft, en)).toBe(
      'Seating plan, Station 1, group “Gelb”: Please choose a table.',
    )
  })

  it('say issues about the whole event without a field name', () => {
    const draft = templateDraft()
    expect(
      issueMessage({ field: '', code: 'too_many_issues', params: { omitted: 4 } }, draft, de),
    ).toBe('4 weitere Angaben sind ebenfalls zu prüfen.')
  })
})

describe('field labels', () => {
  it('exist for every element of the form, in both languages', () => {
    const draft = draftWithGroups()
    for (const t of [de, en]) {
      for (const path of formPathsOf(draft)) {
        const label = fieldLabel(path, draft, t)
        expect(label, path).not.toBe(path)
        expect(label, path).not.toMatch(/[{}]/)
      }
    }
  })

  it('cover ids, which have no input of their own', () => {
    const draft = coerceDraft({})
    expect(fieldLabel('groups.2.id', draft, de)).toBe('Gruppe 3, Kennung')
  })

  it('show a path the form does not know as it is', () => {
    const draft = coerceDraft({})
    expect(fieldLabel('tables.x.topic', draft, de)).toBe('tables.x.topic')
    expect(fieldLabel('title.extra', draft, de)).toBe('title.extra')
  })
})
