import Conf from 'conf';
import { TunesError } from '../errors.js';
import { resolveConfigDir } from './paths.js';

/** What tunes keeps on this machine between commands: the session token and preferences. */
export interface LocalConfigData {
  sessionToken?: string;
  volume?: number;
  /** `tunes config` settings by key, as `config set` stored them (see settings.ts). */
  settings?: Record<string, string | number>;
}

export interface LocalConfig {
  getSessionToken(): string | undefined;
  setSessionToken(token: string): void;
  clearSessionToken(): void;
  get<K extends keyof LocalConfigData>(key: K): LocalConfigData[K];
  set<K extends keyof LocalConfigData>(key: K, value: NonNullable<LocalConfigData[K]>): void;
  /** The stored settings (unvalidated: see resolveSettings). */
  storedSettings(): Readonly<Record<string, unknown>>;
  storeSetting(key: string, value: string | number): void;
  removeSetting(key: string): void;
  readonly path: string;
}

/** `$TUNES_HOME/config.json` when set, else `$XDG_CONFIG_HOME/tunes/config.json` (via conf). Mode 0600. */
export function openLocalConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const cwd = resolveConfigDir(env);
  // While opening, a file that is not JSON is noted (and left as it is) so the error can name it;
  // conf only knows the path once it is constructed.
  let opening = true;
  let unreadable: Error | undefined;
  const store = new Conf<LocalConfigData>({
    projectName: 'tunes',
    projectSuffix: '',
    configName: 'config',
    configFileMode: 0o600,
    deserialize: (text) => {
      try {
        return JSON.parse(text) as LocalConfigData;
      } catch (error) {
        if (!opening) throw error;
        unreadable = error as Error;
        return {};
      }
    },
    ...(cwd ? { cwd } : {}),
  });
  opening = false;
  if (unreadable) {
    throw new TunesError(
      'io',
      `cannot read ${store.path}: it is not valid JSON (${unreadable.message})`,
      'fix the file, or delete it to start over (you will need to log in again)',
    );
  }
  const settings = (): Record<string, string | number> => {
    const stored = store.get('settings');
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  };
  return {
    getSessionToken: () => store.get('sessionToken'),
    setSessionToken: (token) => store.set('sessionToken', token),
    clearSessionToken: () => store.delete('sessionToken'),
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    storedSettings: settings,
    storeSetting: (key, value) => store.set('settings', { ...settings(), [key]: value }),
    removeSetting(key) {
      const { [key]: _removed, ...rest } = settings();
      store.set('settings', rest);
    },
    path: store.path,
  };
}
