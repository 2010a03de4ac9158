import type { CreateEventResponse, Group, Table } from '@tablecloth/shared'

export interface TableTokens {
  moderator: string
  participant: string
  viewer: string
}

/**
 * Absolute links for every role. Tokens ride in the URL fragment: browsers
 * never send fragments to the server, so tokens stay out of access logs and
 * proxies, and the page hands them to the API and the sync socket itself.
 */
export function buildEventLinks(
  origin: string,
  eventId: string,
  organiserToken: string,
  viewerToken: string,
  tables: Array<{ table: Table; tokens: TableTokens }>,
  groups: Array<{ group: Group; participant: string }>,
): CreateEventResponse['links'] {
  const base = `${origin}/e/${encodeURIComponent(eventId)}`
  return {
    control: `${base}/control#token=${organiserToken}`,
    gallery: `${base}/gallery#token=${viewerToken}`,
    tables: tables.map(({ table, tokens }) => {
      const tableBase = `${base}/t/${encodeURIComponent(table.id)}`
      return {
        id: table.id,
        title: table.topic,
        board: `${tableBase}#token=${tokens.moderator}`,
        // The projector shows the phone link as a QR code; it cannot ask the
        // server for it, as only the organiser can unseal stored tokens.
        projector: `${tableBase}/projector#token=${tokens.viewer}&join=${tokens.participant}`,
        participant: `${origin}/p/${encodeURIComponent(eventId)}/${encodeURIComponent(table.id)}#token=${tokens.participant}`,
        tokens,
      }
    }),
    groups: groups.map(({ group, participant }) => ({
      id: group.id,
      name: group.name,
      // `g` is no table id's path segment of its own: the phone route tells
      // `/p/<event>/g/<group>` from `/p/<event>/<table>` by the segment count.
      participant: `${origin}/p/${encodeURIComponent(eventId)}/g/${encodeURIComponent(group.id)}#token=${participant}`,
      tokens: { participant },
    })),
  }
}
