// The public surface of the theme engine; everything else in this folder is behind it.
export {
  suggestThemes,
  THEME_THRESHOLD,
  type SuggestThemesOptions,
  type Theme,
  type ThemeNote,
} from './suggestThemes'
export { themeNotesOf } from './themeNotesOf'
