import type { ValidationIssue } from '@tablecloth/shared'
import type { EventDraft } from './eventDraft'
import type { Translate } from '../i18n/translate'

/**
 * Validation issues as sentences for organisers: which field, in the words of
 * the form ("Station 2, Frage 1"), and why ("Bitte ausfüllen.").
 */

const INDEX = /^\d+$/

function positionOf(index: string | undefined): number | null {
  return index !== undefined && INDEX.test(index) ? Number(index) + 1 : null
}

/** A group as the organiser knows it: by name, else by its place in the list, else by id. */
export function groupLabel(groupId: string, draft: EventDraft, t: Translate): string {
  const index = draft.groups.findIndex((group) => group.id === groupId)
  const group = draft.groups[index]
  if (!group) return groupId
  const name = group.name.trim()
  return name
    ? t('setup.label.namedGroup', { name })
    : t('setup.groups.item', { number: index + 1 })
}

/** A table by its place in the list ("Tisch 3"), else by id. */
export function tableLabel(tableId: string, draft: EventDraft, t: Translate): string {
  const index = draft.tables.findIndex((table) => table.id === tableId)
  return index < 0 ? tableId : t('setup.tables.item', { number: index + 1 })
}

type PartLabels = Record<string, () => string>

function entryLabel(
  parts: readonly string[],
  listLabel: string,
  itemLabel: (number: number) => string,
  partLabels: PartLabels,
  t: Translate,
): string | null {
  const [, index, part, ...rest] = parts
  if (index === undefined) return listLabel
  const number = positionOf(index)
  if (number === null) return null
  const item = itemLabel(number)
  if (part === undefined) return item
  const label = partLabels[part]
  if (!label || rest.length > 0) return null
  return t('setup.label.join', { outer: item, inner: label() })
}

function stationLabel(parts: readonly string[], t: Translate): string | null {
  const [, index, part, column, ...rest] = parts
  const number = positionOf(index)
  if (part === 'columns' && column !== undefined && number !== null && rest.length === 0) {
    const question = positionOf(column)
    if (question === null) return null
    return t('setup.label.join', {
      outer: t('setup.stations.item', { number }),
      inner: t('setup.stations.question', { number: question }),
    })
  }
  return entryLabel(
    parts,
    t('setup.stations.heading'),
    (n) => t('setup.stations.item', { number: n }),
    {
      id: () => t('setup.label.id'),
      title: () => t('setup.stations.title'),
      durationMinutes: () => t('setup.stations.duration'),
      columns: () => t('setup.label.questions'),
    },
    t,
  )
}

function rotationLabel(parts: readonly string[], draft: EventDraft, t: Translate) {
  const [, part, station, groupId, ...rest] = parts
  if (part === undefined || part === 'mode') return t('setup.label.rotation')
  if (part !== 'plan' || rest.length > 0) return null
  const plan = t('setup.label.plan')
  if (station === undefined) return plan
  const number = positionOf(station)
  if (number === null) return null
  const inStation = t('setup.label.join', {
    outer: plan,
    inner: t('setup.stations.item', { number }),
  })
  if (groupId === undefined) return inStation
  return t('setup.label.join', { outer: inStation, inner: groupLabel(groupId, draft, t) })
}

/**
 * The name of the field a validation path points at, as the form labels it.
 * A path the form does not know (possible in an imported file) is shown as is.
 */
export function fieldLabel(field: string, draft: EventDraft, t: Translate): string {
  if (field === '') return t('setup.label.event')
  const parts = field.split('.')
  let label: string | null = null
  switch (parts[0]) {
    case 'title':
    case 'date':
    case 'venue':
      label = parts.length === 1 ? t(`setup.field.${parts[0]}`) : null
      break
    case 'showBoardToParticipants':
      label = parts.length === 1 ? t('setup.options.showBoard') : null
      break
    case 'startTimerOnStationChange':
      label = parts.length === 1 ? t('setup.options.startTimer') : null
      break
    case 'language':
      label = parts.length === 1 ? t('setup.field.language') : null
      break
    case 'tables':
      label = entryLabel(
        parts,
        t('setup.tables.heading'),
        (number) => t('setup.tables.item', { number }),
        {
          id: () => t('setup.label.id'),
          topic: () => t('setup.tables.topic'),
          moderator: () => t('setup.tables.moderator'),
        },
        t,
      )
      break
    case 'stations':
      label = stationLabel(parts, t)
      break
    case 'groups':
      label = entryLabel(
        parts,
        t('setup.groups.heading'),
        (number) => t('setup.groups.item', { number }),
        {
          id: () => t('setup.label.id'),
          name: () => t('setup.groups.name'),
          colour: () => t('setup.groups.colour'),
        },
        t,
      )
      break
    case 'rotation':
      label = rotationLabel(parts, draft, t)
      break
  }
  return label ?? field
}

/** Why a value was refused, in one short sentence. */
export function issueReason(issue: ValidationIssue, draft: EventDraft, t: Translate): string {
  const params = issue.params ?? {}
  switch (issue.code) {
    case 'out_of_range':
      if (params.min !== undefined) return t('setup.issue.out_of_range.min', params)
      if (params.max !== undefined) return t('setup.issue.out_of_range.max', params)
      return t('setup.issue.out_of_range')
    case 'table_shared':
      // The plan names ids; the organiser knows tables by number and groups by name.
      return t('setup.issue.table_shared', {
        table: tableLabel(String(params.table ?? ''), draft, t),
        group: groupLabel(String(params.group ?? ''), draft, t),
      })
    default:
      return t(`setup.issue.${issue.code}`, params)
  }
}

/** The full message for an issue: "Station 2, Frage 1: Bitte ausfüllen." */
export function issueMessage(issue: ValidationIssue, draft: EventDraft, t: Translate): string {
  const reason = issueReason(issue, draft, t)
  if (issue.field === '') return reason
  return t('setup.issue.format', { field: fieldLabel(issue.field, draft, t), reason })
}
