import { useT } from '../../i18n/useT'
import { BOARD_MODES, useBoardMode } from '../boardMode'

/**
 * „Moderation | Zeichnen“: two buttons, the current mode pressed, reachable
 * with Tab like every button of the capture bar.
 */
export function BoardModeSwitch() {
  const t = useT()
  const mode = useBoardMode((state) => state.mode)
  const setMode = useBoardMode((state) => state.setMode)
  return (
    <div
      className="board-mode"
      role="group"
      aria-label={t('boardMode.label')}
      data-testid="board-mode"
    >
      {BOARD_MODES.map((option) => (
        <button
          key={option}
          type="button"
          className="board-mode__option"
          aria-pressed={option === mode}
          title={t(`boardMode.${option}.hint`)}
          data-mode={option}
          onClick={() => setMode(option)}
        >
          {t(`boardMode.${option}`)}
        </button>
      ))}
    </div>
  )
}
