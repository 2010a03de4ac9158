import { assignGroupColours } from '@tablecloth/shared'
import type { EventDraft, TableDraft } from './eventDraft'
import type { Translate } from '../i18n/translate'

/** Long topics are cut here in seating choices, so a plan stays readable. */
const TOPIC_PREVIEW_LENGTH = 40

/** A table as seating choices show it, numbered as everywhere: "Tisch 3 – Arbeitsmarktintegration". */
export function tableChoiceLabel(table: TableDraft, index: number, t: Translate): string {
  const topic = table.topic.trim()
  if (!topic) return t('setup.rotation.tableUntitled', { number: index + 1 })
  const short =
    topic.length > TOPIC_PREVIEW_LENGTH ? `${topic.slice(0, TOPIC_PREVIEW_LENGTH - 1)}…` : topic
  return t('table.numbered', { number: index + 1, topic: short })
}

/** A group's name, or its place in the list while it has none. */
export function groupName(draft: EventDraft, index: number, t: Translate): string {
  return draft.groups[index]?.name.trim() || t('setup.groups.item', { number: index + 1 })
}

/** The colour each group will have, automatic ones included, as the server will assign them. */
export function groupColoursOf(draft: EventDraft): string[] {
  return assignGroupColours(draft.groups.map((group) => group.colour || undefined))
}
