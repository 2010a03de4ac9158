import { create } from 'zustand'

interface CaptureState {
  /**
   * The column new notes go to, remembered with the station it was chosen in:
   * after a station change the first column is active again, because the new
   * station's questions are different ones.
   */
  column: { stationId: string | null; index: number }
  /** What the moderator is typing; kept when the bar re-renders or the column changes. */
  draft: string
  /** Bumped to ask the capture field to take the keyboard focus (from the board's keys). */
  focusRequest: number
  chooseColumn(stationId: string, index: number): void
  setDraft(draft: string): void
  requestFocus(): void
}

/** The capture bar's state: active column, draft text, focus requests. */
export const useCapture = create<CaptureState>()((set) => ({
  column: { stationId: null, index: 0 },
  draft: '',
  focusRequest: 0,
  chooseColumn: (stationId, index) => set({ column: { stationId, index } }),
  setDraft: (draft) => set({ draft }),
  requestFocus: () => set((state) => ({ focusRequest: state.focusRequest + 1 })),
}))

/** The active column of a station with `columnCount` columns: 0 unless chosen in this station. */
export function activeColumn(state: CaptureState, stationId: string, columnCount: number): number {
  const { column } = state
  if (column.stationId !== stationId) return 0
  return Math.min(Math.max(0, column.index), Math.max(0, columnCount - 1))
}
