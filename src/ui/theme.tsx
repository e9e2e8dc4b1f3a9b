import { createContext, useContext, type ReactNode } from 'react';

/** Colours by role. Monochrome (NO_COLOR) leaves them all undefined and relies on bold/inverse/dim. */
export interface Theme {
  accent: string | undefined;
  muted: string | undefined;
  error: string | undefined;
  success: string | undefined;
  border: string | undefined;
}

export const COLOR_THEME: Theme = { accent: 'cyan', muted: 'gray', error: 'red', success: 'green', border: 'gray' };
export const MONO_THEME: Theme = { accent: undefined, muted: undefined, error: undefined, success: undefined, border: undefined };

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
  return env['NO_COLOR'] ? MONO_THEME : COLOR_THEME;
}

const ThemeContext = createContext<Theme>(COLOR_THEME);
export const useTheme = (): Theme => useContext(ThemeContext);
export function ThemeProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}
