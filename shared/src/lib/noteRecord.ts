import { NOTE_FONT, NOTE_TEXT_SIZE } from './boardLayout'
import type { NoteColour } from './groupColours'
import type { NoteTextFit } from './noteTextFit'
import { plainToRichText } from './richText'

/**
 * A tldraw note record as plain JSON, as the boards keep it: what the server
 * writes for a phone note, and what tests and benchmarks put on a board in
 * place of a moderator. tldraw's own schema validates it (the server checks
 * every record it writes and every one a client sends).
 */

export interface NoteRecordInput {
  id: string
  /** The column frame (coordinates relative to it) or the page. */
  parentId: string
  x: number
  y: number
  /** tldraw's fractional index, which orders shapes under one parent. */
  index: string
  text: string
  meta?: Record<string, unknown>
  /**
   * The text size and growth measured for the text (see `measureNoteText`).
   * Without it the note is written at full size and unsized: tests and
   * benchmarks that do not care how a note looks.
   */
  fit?: NoteTextFit
  /** The note's colour, e.g. its group's; tldraw's default yellow without. */
  colour?: NoteColour
}

export interface NoteRecordJson {
  id: string
  typeName: 'shape'
  type: 'note'
  x: number
  y: number
  rotation: number
  index: string
  parentId: string
  isLocked: boolean
  opacity: number
  meta: Record<string, unknown>
  props: {
    color: string
    labelColor: string
    size: string
    font: string
    fontSizeAdjustment: number
    align: string
    verticalAlign: string
    growY: number
    url: string
    richText: ReturnType<typeof plainToRichText>
    scale: number
    textLastEditedBy: string | null
  }
}

/** A note in its colour (tldraw's default unless given), in every note's text size and font, sized as `fit` says. */
export function noteRecordJson(note: NoteRecordInput): NoteRecordJson {
  return {
    id: note.id,
    typeName: 'shape',
    type: 'note',
    x: note.x,
    y: note.y,
    rotation: 0,
    index: note.index,
    parentId: note.parentId,
    isLocked: false,
    opacity: 1,
    meta: note.meta ?? {},
    props: {
      // tldraw's default note: 'black' is drawn as the yellow sticky note.
      color: note.colour ?? 'black',
      labelColor: 'black',
      size: NOTE_TEXT_SIZE,
      font: NOTE_FONT,
      fontSizeAdjustment: note.fit?.fontSizeAdjustment ?? 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: note.fit?.growY ?? 0,
      url: '',
      richText: plainToRichText(note.text),
      scale: 1,
      textLastEditedBy: null,
    },
  }
}
