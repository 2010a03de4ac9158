import { describe, expect, it } from 'vitest'
import { checkPhoneNote, NOTE_TEXT_MAX_LENGTH, noteTextLength } from './phoneNote'

describe('checkPhoneNote', () => {
  it('accepts a note and normalises its text', () => {
    expect(checkPhoneNote({ text: '  Kita-Plätze\r\nfehlen  ', column: 1 }, 2)).toEqual({
      ok: true,
      note: { text: 'Kita-Plätze\nfehlen', column: 1 },
    })
  })

  it('keeps the optional station and idempotency key', () => {
    const checked = checkPhoneNote(
      { text: 'x', column: 0, stationId: 's2', idempotencyKey: 'a1b2c3d4e5' },
      1,
    )
    expect(checked).toEqual({
      ok: true,
      note: { text: 'x', column: 0, stationId: 's2', idempotencyKey: 'a1b2c3d4e5' },
    })
  })

  it.each([
    [null, '', 'invalid_type'],
    [[], '', 'invalid_type'],
    [{ column: 0 }, 'text', 'required'],
    [{ text: '  \n ', column: 0 }, 'text', 'required'],
    [{ text: 42, column: 0 }, 'text', 'invalid_type'],
    [{ text: 'x' }, 'column', 'required'],
    [{ text: 'x', column: '1' }, 'column', 'not_a_number'],
    [{ text: 'x', column: 0.5 }, 'column', 'not_an_integer'],
    [{ text: 'x', column: -1 }, 'column', 'out_of_range'],
    [{ text: 'x', column: 2 }, 'column', 'out_of_range'],
    [{ text: 'x', column: 0, stationId: 3 }, 'stationId', 'invalid_type'],
    [{ text: 'x', column: 0, idempotencyKey: 'short' }, 'idempotencyKey', 'invalid_value'],
  ])('refuses %j with %s %s', (input, field, code) => {
    const checked = checkPhoneNote(input, 2)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.issue).toMatchObject({ field, code })
  })

  it('counts characters, not UTF-16 units, against the limit', () => {
    const emoji = '🚸'.repeat(NOTE_TEXT_MAX_LENGTH)
    expect(noteTextLength(emoji)).toBe(NOTE_TEXT_MAX_LENGTH)
    expect(checkPhoneNote({ text: emoji, column: 0 }, 1).ok).toBe(true)
    const tooLong = checkPhoneNote({ text: `${emoji}!`, column: 0 }, 1)
    expect(tooLong).toEqual({
      ok: false,
      issue: {
        field: 'text',
        code: 'too_long',
        params: { max: NOTE_TEXT_MAX_LENGTH, length: NOTE_TEXT_MAX_LENGTH + 1 },
      },
    })
  })
})
