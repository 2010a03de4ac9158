import { z } from 'zod'

/**
 * The HTTP contract of cross-table themes ("Querschnittsthemen"): the
 * organiser asks for suggestions, saves the themes the plenary keeps, and
 * the gallery and every results format read them back. One schema per shape;
 * the types are inferred from them so the server's decoder and the client's
 * type cannot drift apart.
 */

/** A theme's title as saved: trimmed, 1–200 characters. */
export const THEME_TITLE_MAX_LENGTH = 200
/** At most this many themes in one save. */
export const MAX_SAVED_THEMES = 200
/** At most this many note ids in one save, over all its themes. */
export const MAX_SAVED_THEME_NOTES = 2000
/**
 * A note id is a tldraw shape id (`shape:` and a base64url id); the limit only
 * keeps a hostile body small, the service checks each id against the results.
 */
export const THEME_NOTE_ID_MAX_LENGTH = 200

/** A note as a suggestion names it: enough to find it on its table's board. */
export const SuggestedThemeNoteSchema = z.object({
  tableId: z.string(),
  stationId: z.string(),
  noteId: z.string(),
  text: z.string(),
})
export type SuggestedThemeNote = z.infer<typeof SuggestedThemeNoteSchema>

export const SuggestedThemeSchema = z.object({
  /** The terms its notes share, e.g. "Kinderbetreuung · Sprache". */
  title: z.string(),
  /** The shared terms as the notes typed them, most shared first. */
  terms: z.array(z.string()),
  notes: z.array(SuggestedThemeNoteSchema),
})
export type SuggestedTheme = z.infer<typeof SuggestedThemeSchema>

/** `POST /api/events/:id/themes/suggest`: proposals only, nothing is saved. */
export const SuggestThemesResponseSchema = z
  .object({ themes: z.array(SuggestedThemeSchema) })
  .meta({ id: 'SuggestThemesResponse' })
export type SuggestThemesResponse = z.infer<typeof SuggestThemesResponseSchema>

export const SaveThemeSchema = z.object({
  title: z.string().trim().min(1).max(THEME_TITLE_MAX_LENGTH),
  noteIds: z.array(z.string().min(1).max(THEME_NOTE_ID_MAX_LENGTH)).max(MAX_SAVED_THEME_NOTES),
})
export type SaveTheme = z.infer<typeof SaveThemeSchema>

/**
 * `PUT /api/events/:id/themes`: the whole set of themes, replacing what was
 * saved. Whether a note stands in one theme only and belongs to the event's
 * results the service checks (`duplicate_note`, `unknown_notes`).
 */
export const SaveThemesRequestSchema = z
  .object({
    themes: z
      .array(SaveThemeSchema)
      .max(MAX_SAVED_THEMES)
      .refine(
        (themes) =>
          themes.reduce((sum, theme) => sum + theme.noteIds.length, 0) <= MAX_SAVED_THEME_NOTES,
        { message: `At most ${MAX_SAVED_THEME_NOTES} note ids in all themes together` },
      ),
  })
  .meta({ id: 'SaveThemesRequest' })
export type SaveThemesRequest = z.infer<typeof SaveThemesRequestSchema>

/** A saved theme's note, resolved against the current results. */
export const SavedThemeNoteSchema = z.object({
  tableId: z.string(),
  /** The table's number as the room knows it (from 1). */
  tableNumber: z.number().int(),
  /** The table's topic. */
  tableTitle: z.string(),
  stationId: z.string(),
  stationTitle: z.string(),
  noteId: z.string(),
  text: z.string(),
})
export type SavedThemeNote = z.infer<typeof SavedThemeNoteSchema>

export const SavedThemeSchema = z
  .object({
    title: z.string(),
    /** As saved, in the organiser's order. */
    noteIds: z.array(z.string()),
    /**
     * The notes of `noteIds` that the results still show, in that order: a
     * note deleted or hidden since keeps its id but has no entry here.
     */
    notes: z.array(SavedThemeNoteSchema),
  })
  .meta({ id: 'SavedTheme' })
export type SavedTheme = z.infer<typeof SavedThemeSchema>

/** `GET` and `PUT /api/events/:id/themes`. */
export const ThemesResponseSchema = z
  .object({
    themes: z.array(SavedThemeSchema),
    /** True for the organiser, who may save; the gallery link reads only. */
    editable: z.boolean(),
  })
  .meta({ id: 'ThemesResponse' })
export type ThemesResponse = z.infer<typeof ThemesResponseSchema>
