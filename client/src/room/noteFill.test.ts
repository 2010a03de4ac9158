import { describe, expect, it } from 'vitest'
import { DEFAULT_THEME } from 'tldraw'
import { NOTE_COLOURS } from '@tablecloth/shared'
import { NOTE_FILLS, noteFill } from './noteFill'

describe('noteFill', () => {
  it('is tldraw’s own note fill on the light board, for every note colour', () => {
    const light = DEFAULT_THEME.colors.light as unknown as Record<string, { noteFill: string }>
    for (const colour of NOTE_COLOURS) {
      expect(NOTE_FILLS[colour], colour).toBe(light[colour]!.noteFill)
    }
  })

  it('draws an unknown colour as tldraw’s default note', () => {
    expect(noteFill('mauve')).toBe(noteFill('black'))
  })
})
