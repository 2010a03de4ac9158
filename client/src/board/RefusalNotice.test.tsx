import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CloseCode,
  CloseReason,
  CONTENT_REJECTED_REASON,
  RECORD_REJECTED_REASON,
} from '@tablecloth/shared'
import { useLanguage } from '../i18n/languageStore'
import { badgeState, useConnection } from '../canvas/connectionStore'
import { RefusalNotice } from './RefusalNotice'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

let container: HTMLElement
let root: Root

beforeEach(() => {
  useConnection.getState().reset(true)
  useLanguage.setState({ language: 'de', tldrawLocale: 'de' })
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  act(() => root.render(<RefusalNotice />))
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

function refuse(code: number, reason: string) {
  act(() => useConnection.getState().update({ refusedWith: { code, reason } }))
}

function notice(): HTMLElement | null {
  return container.querySelector('[role="alert"]')
}

function hasReloadButton(): boolean {
  return container.querySelector('button') !== null
}

describe('RefusalNotice', () => {
  it('says nothing while the board is not refused', () => {
    expect(notice()).toBeNull()
  })

  it('says a full board saves nothing more, and whom to ask', () => {
    refuse(CloseCode.BoardFull, CloseReason.BoardFull)
    expect(notice()?.textContent).toContain('Dieses Board ist voll')
    expect(notice()?.textContent).toContain('speichert darauf nichts Neues mehr')
    expect(notice()?.textContent).toContain('Organisationsteam')
    expect(hasReloadButton()).toBe(false)
    expect(badgeState(useConnection.getState())).toBe('stopped')

    act(() => useLanguage.getState().setLanguage('en'))
    expect(notice()?.textContent).toContain('This board is full')
    expect(notice()?.textContent).toContain('contact the organisers')
  })

  it('asks for a reload when the board refused what this device sent', () => {
    for (const reason of [CONTENT_REJECTED_REASON, RECORD_REJECTED_REASON]) {
      refuse(CloseCode.InvalidMessage, reason)
      expect(notice()?.textContent).toContain('Das Board hat eine Änderung abgelehnt')
      expect(notice()?.textContent).toContain('Lade das Board vom Server neu')
      expect(hasReloadButton()).toBe(true)
    }
  })
})

describe('RefusalNotice after the board refused this device’s copy', () => {
  it('offers to load the board from the server alone, forgetting this device’s copy first', async () => {
    let discarded = 0
    const reloads: string[] = []
    const reload = window.location.reload
    Object.defineProperty(window.location, 'reload', {
      configurable: true,
      value: () => reloads.push('reload'),
    })
    try {
      act(() =>
        root.render(
          <RefusalNotice
            onDiscardLocalCopy={async () => {
              discarded++
            }}
          />,
        ),
      )
      refuse(CloseCode.InvalidMessage, CONTENT_REJECTED_REASON)
      const button = container.querySelector('button')
      expect(button?.textContent).toBe('Vom Server neu laden')
      await act(async () => button!.click())
      expect(discarded).toBe(1)
      expect(reloads).toEqual(['reload'])
    } finally {
      Object.defineProperty(window.location, 'reload', { configurable: true, value: reload })
    }
  })

  it('offers no discarding for a full board', () => {
    act(() => root.render(<RefusalNotice onDiscardLocalCopy={async () => {}} />))
    refuse(CloseCode.BoardFull, CloseReason.BoardFull)
    expect(container.querySelector('button')).toBeNull()
  })
})
