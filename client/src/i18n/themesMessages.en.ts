import type { themesDe } from './themesMessages.de'

/** The gallery's "Themes" view, in English. Spread into `en.ts`. */
export const themesEn: Record<keyof typeof themesDe, string> = {
  'gallery.mode.themes': 'Themes',
  'themes.heading': 'Cross-table themes',
  'themes.loading': 'Loading themes …',
  'themes.failed': 'The themes could not be loaded: {reason}',
  'themes.empty.readOnly': 'No themes saved yet.',
  'themes.empty.editable':
    'No themes saved yet. With “Get suggestions” Tablecloth proposes themes that join notes from different tables.',
  'themes.readOnly': 'View only',
  'themes.actions': 'Edit themes',
  'themes.suggest': 'Get suggestions',
  'themes.suggesting': 'Looking for suggestions …',
  'themes.suggestFailed': 'No suggestions: {reason}',
  'themes.suggestNone':
    'No new suggestions: the notes of different tables are too unlike, or they already stand in themes.',
  'themes.merge': 'Merge ({count})',
  'themes.clearSelection': 'Clear selection',

  'themes.saving': 'Saving …',
  'themes.saved': 'All saved',
  'themes.saveFailed': 'Not saved: {reason} Your changes stay here; saving is tried again shortly.',
  'themes.saveRefused': 'Not saved: {reason} Your changes stay here until you close the page.',

  'themes.suggestions': 'Suggestions',
  'themes.suggestion.badge': 'Suggestion',
  'themes.suggestion.accept': 'Accept',
  'themes.suggestion.discard': 'Discard',
  'themes.suggestion.alreadySaved':
    'Already in saved themes and left out here: {count} more notes of this suggestion.',

  'themes.saved.list': 'Saved themes',
  'themes.theme.select': 'Select “{title}”',
  'themes.theme.count': '{count} notes',
  'themes.theme.countOne': '1 note',
  'themes.theme.empty': 'No notes left in this theme.',
  'themes.theme.rename': 'Rename',
  'themes.theme.renameLabel': 'New name for “{title}” (Enter saves, Esc cancels)',
  'themes.theme.split': 'As a new theme ({count})',
  'themes.theme.splitTitle': '{title} (part)',
  'themes.theme.dissolve': 'Dissolve theme',
  'themes.theme.dragHint': 'Drag onto another theme to merge both',

  'themes.note.where': 'Table {table} · Station {station}',
  'themes.note.select': 'Select note',
  'themes.note.move': 'Move to …',
  'themes.note.moveLabel': 'Move note to',

  'themes.controlHeading': 'Cross-table themes',
  'themes.controlIntro':
    'Gather the themes that run across several tables for the plenary: accept suggestions, rename, merge, move notes. The gallery shows them in its “Themes” view.',
  'themes.controlLink': 'Edit themes for the plenary',

  'error.duplicateNote': 'A note stands in two themes; each note belongs to one theme at most.',
  'error.unknownNotes': 'Some notes no longer exist (deleted or hidden).',

  'themes.keys': 'T: themes · G or Esc: back to the tables',
  'themes.editKeys':
    'Note: drag it, or Alt+↑/↓ into the previous/next theme, Space selects it · Theme: drag onto another to merge both',
}
