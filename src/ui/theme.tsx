import { createContext, useContext, type ReactNode } from 'react';

/** Colours by role. Monochrome (NO_COLOR) leaves them all undefined and relies on bold/inverse/dim. */
export interface Theme {
  accent: string | undefined;
  muted: string | undefined;
  error: string | undefined;
  success: string | undefined;
  border: string | undefined;
}

/** For dark backgrounds: bright accents, grey for what matters less. */
export const COLOR_THEME: Theme = { accent: 'cyan', muted: 'gray', error: 'red', success: 'green', border: 'gray' };
/** For light backgrounds, where cyan and light grey fade into the page: blue and dark grey. */
export const LIGHT_THEME: Theme = { accent: 'blue', muted: 'blackBright', error: 'red', success: 'green', border: 'blackBright' };
export const MONO_THEME: Theme = { accent: undefined, muted: undefined, error: undefined, success: undefined, border: undefined };

export type ThemeName = 'auto' | 'dark' | 'light' | 'mono';

/**
 * The `theme` setting: dark, light or mono as chosen; auto is dark unless NO_COLOR is set. A theme
 * the user chose wins over NO_COLOR (https://no-color.org: a user's configuration overrides it).
 */
export function themeFor(env: NodeJS.ProcessEnv, name: ThemeName = 'auto'): Theme {
  if (name === 'dark') return COLOR_THEME;
  if (name === 'light') return LIGHT_THEME;
  if (name === 'mono') return MONO_THEME;
  return env['NO_COLOR'] ? MONO_THEME : COLOR_THEME;
}

const ThemeContext = createContext<Theme>(COLOR_THEME);
export const useTheme = (): Theme => useContext(ThemeContext);
export function ThemeProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}
