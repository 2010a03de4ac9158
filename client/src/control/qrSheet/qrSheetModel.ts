import { tableNumber, type CreateEventResponse, type EventConfig } from '@tablecloth/shared'

/** The three links of a table, in the order the sheet shows them. */
export const QR_CODE_KINDS = ['board', 'projector', 'phone'] as const
export type QrCodeKind = (typeof QR_CODE_KINDS)[number]

export interface QrSheetCode {
  kind: QrCodeKind
  link: string
}

/** One printed A4 page: a table, numbered as in setup, with its three codes. */
export interface QrSheetPage {
  tableId: string
  /** 1-based place in the event's list of tables. */
  number: number
  topic: string
  moderator: string
  codes: QrSheetCode[]
}

/**
 * The pages of "Alle QR-Codes drucken": one per table in the event's order,
 * each with the board (moderator), projector and phone link. A table whose
 * links are missing (the list is from before a table was added) gets no
 * page rather than a page with the wrong codes.
 */
export function qrSheetPages(
  config: Pick<EventConfig, 'tables'>,
  links: Pick<CreateEventResponse['links'], 'tables'>,
): QrSheetPage[] {
  return config.tables.flatMap((table): QrSheetPage[] => {
    const tableLinks = links.tables.find((entry) => entry.id === table.id)
    if (!tableLinks) return []
    const byKind: Record<QrCodeKind, string> = {
      board: tableLinks.board,
      projector: tableLinks.projector,
      phone: tableLinks.participant,
    }
    return [
      {
        tableId: table.id,
        number: tableNumber(config, table.id),
        topic: table.topic,
        moderator: table.moderator,
        codes: QR_CODE_KINDS.map((kind) => ({ kind, link: byKind[kind] })),
      },
    ]
  })
}

/** Group cards printed per A4 page: four A6 cards, cut apart along the dashed lines. */
export const GROUP_CARDS_PER_PAGE = 4

/** A group's card: its name, colour and phone link. */
export interface GroupCard {
  groupId: string
  name: string
  /** The group's note colour (tldraw's name). */
  colour: string
  link: string
}

/**
 * The group cards of the sheet, in the event's order of groups, four to a
 * page. A group without a link (links listed before it was added) gets no
 * card rather than one with a code that does not work.
 */
export function groupCardPages(
  config: Pick<EventConfig, 'groups'>,
  links: Partial<Pick<CreateEventResponse['links'], 'groups'>>,
): GroupCard[][] {
  const cards = config.groups.flatMap((group): GroupCard[] => {
    const groupLinks = links.groups?.find((entry) => entry.id === group.id)
    if (!groupLinks) return []
    return [
      { groupId: group.id, name: group.name, colour: group.colour, link: groupLinks.participant },
    ]
  })
  const pages: GroupCard[][] = []
  for (let start = 0; start < cards.length; start += GROUP_CARDS_PER_PAGE) {
    pages.push(cards.slice(start, start + GROUP_CARDS_PER_PAGE))
  }
  return pages
}
