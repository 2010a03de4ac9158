import { create } from 'zustand'
import { persist } from 'zustand/middleware'

/**
 * How the moderator's board shows tldraw: "moderation" (the default) keeps
 * the board to notes and the capture bar, without tldraw's style panel,
 * menus and drawing toolbar, which on a laptop cover the columns;
 * "drawing" brings them all back for sketching on the board.
 */
export type BoardMode = 'moderation' | 'drawing'

export const BOARD_MODES: readonly BoardMode[] = ['moderation', 'drawing']

interface BoardModeState {
  mode: BoardMode
  setMode(mode: BoardMode): void
}

/** The board mode, remembered on this device (`localStorage`, key `tablecloth.boardMode`). */
export const useBoardMode = create<BoardModeState>()(
  persist(
    (set) => ({
      mode: 'moderation',
      setMode: (mode) => set({ mode }),
    }),
    {
      name: 'tablecloth.boardMode',
      version: 1,
      partialize: ({ mode }) => ({ mode }),
      merge: (persisted, current) => {
        const mode = (persisted as { mode?: unknown } | undefined)?.mode
        return {
          ...current,
          mode: BOARD_MODES.includes(mode as BoardMode) ? (mode as BoardMode) : current.mode,
        }
      },
    },
  ),
)
