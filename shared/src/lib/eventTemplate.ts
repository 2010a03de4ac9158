import type { EventConfigInput } from './eventConfig'

/**
 * The reference café day: the regional conference "Pakt für Integration" in
 * Winnenden on 2 July 2019, with its eleven topic tables and three stations.
 * Organisers start from it to see a complete setup, and tests use it as a
 * realistic event.
 */
export function winnendenTemplate(): EventConfigInput {
  // Built fresh on every call: callers edit the result in place.
  return {
    title: 'Regionalkonferenz „Pakt für Integration – Kommunales Integrationsmanagement“',
    date: '2019-07-02',
    venue: 'Hermann-Schwab-Halle Winnenden',
    tables: [
      'Frauen, Kinderbetreuung, Sprache',
      'Digitalisierung, Umsetzung des Integrationsplans',
      'Verstetigung IntMan, Nachhaltigkeit',
      'Einzelkämpfer im ländlichen Raum',
      'Arbeitsmarktintegration',
      'Zivilgesellschaft, Hilfe zur Selbsthilfe',
      'Statusfragen, Zusammenarbeit mit Ausländerbehörde',
      'Rolle der Frau, häusliche Gewalt',
      'Selbstverständnis, Rolle IntMan',
      'Gesundheit, psychosoziale Beratung',
      'Rahmenbedingungen',
    ].map((topic) => ({ topic, moderator: '' })),
    // Durations follow the day's programme: 10:45, 11:45, lunch at 13:00, 14:00 to 15:15.
    stations: [
      {
        title: 'Station 1',
        columns: ['Was läuft gut?', 'Wo hakt es?'],
        durationMinutes: 60,
      },
      {
        title: 'Station 2',
        columns: ['Was sind unsere Ziele?', 'Was soll ein gutes Integrationsmanagement leisten?'],
        durationMinutes: 75,
      },
      {
        title: 'Station 3',
        columns: ['Was können wir vor Ort ändern?', 'Wer kann helfen?'],
        durationMinutes: 75,
      },
    ],
    groups: [],
    // Participants chose a topic table per station themselves.
    rotation: { mode: 'free' },
    showBoardToParticipants: false,
    startTimerOnStationChange: false,
    language: 'de',
  }
}
