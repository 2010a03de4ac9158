import { useLayoutEffect, useState } from 'react'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import {
  atom,
  createTLCurrentUser,
  uniqueId,
  userTypeValidator,
  type TLCurrentUser,
  type TLUserPreferences,
} from 'tldraw'
import { useLanguage } from '../i18n/languageStore'
import { useT } from '../i18n/useT'

/** Cursor colours: distinct from each other and readable on a white board. */
const USER_COLOURS = ['#e03131', '#1971c2', '#2f9e44', '#f08c00', '#9c36b5', '#0c8599', '#c2255c']

function freshPreferences(): TLUserPreferences {
  return {
    id: uniqueId(),
    color: USER_COLOURS[Math.floor(Math.random() * USER_COLOURS.length)] ?? null,
  }
}

interface UserPreferencesState {
  /**
   * tldraw's preferences for this person (id, colour, dark mode, snapping …).
   * Name and language are kept apart: the name below, the language in the
   * language store.
   */
  preferences: TLUserPreferences
  /** The name other people see on this person's cursor; null until chosen. */
  name: string | null
  setName(name: string): void
  setPreferences(preferences: TLUserPreferences): void
}

/** This device's user, remembered in localStorage. */
export const useUserPreferences = create<UserPreferencesState>()(
  persist(
    (set) => ({
      preferences: freshPreferences(),
      name: null,
      setName: (name) => set({ name: name.trim() || null }),
      setPreferences: (preferences) => {
        const { name: _name, locale: _locale, ...rest } = preferences
        set({ preferences: rest })
      },
    }),
    {
      name: 'tablecloth.user',
      version: 1,
      partialize: ({ preferences, name }) => ({ preferences, name }),
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as { preferences?: unknown; name?: unknown }
        const valid = userTypeValidator.isValid(stored.preferences)
        if (stored.preferences !== undefined && !valid) {
          console.warn('Ignoring unreadable user preferences remembered on this device')
        }
        return {
          ...current,
          preferences: valid ? (stored.preferences as TLUserPreferences) : current.preferences,
          name: typeof stored.name === 'string' && stored.name.trim() ? stored.name : null,
        }
      },
    },
  ),
)

/**
 * The user as tldraw sees it, backed by our stores: the name defaults to the
 * translated role name until chosen, and the locale follows our language.
 * Changes tldraw makes (its name field, its menus, the e2e tests through
 * `editor.user.updateUserPreferences`) flow back into our stores.
 *
 * The returned object is stable for the component's life, as tldraw rebuilds
 * its editor whenever the user object changes.
 */
export function useTldrawUser(): TLCurrentUser {
  const t = useT()
  const defaultName = t('user.defaultName')
  const preferences = useUserPreferences((state) => state.preferences)
  const name = useUserPreferences((state) => state.name)
  const locale = useLanguage((state) => state.tldrawLocale)
  const shown: TLUserPreferences = { ...preferences, name: name ?? defaultName, locale }

  const [user] = useState(() => {
    const $preferences = atom<TLUserPreferences>('tablecloth user preferences', shown)
    const setUserPreferences = (next: TLUserPreferences) => {
      const current = $preferences.get()
      if (next.locale && next.locale !== current.locale) {
        useLanguage.getState().setTldrawLocale(next.locale)
      }
      if (typeof next.name === 'string' && next.name.trim() && next.name !== current.name) {
        useUserPreferences.getState().setName(next.name)
      }
      useUserPreferences.getState().setPreferences({ ...next, id: current.id })
    }
    const current = createTLCurrentUser({ userPreferences: $preferences, setUserPreferences })
    return { $preferences, current }
  })

  useLayoutEffect(() => {
    user.$preferences.set({ ...preferences, name: name ?? defaultName, locale })
  }, [user, preferences, name, defaultName, locale])

  return user.current
}
