import Conf from 'conf';
import { checkSessionToken, configProblem, unusableConfig } from './config-check.js';
import { resolveConfigDir } from './paths.js';
import type { RemoteServer } from './remote-servers.js';

/** What tunes keeps on this machine between commands: the session token and preferences. */
export interface LocalConfigData {
  sessionToken?: string;
  volume?: number;
  /** `tunes config` settings by key, as `config set` stored them (see settings.ts). */
  settings?: Record<string, string | number>;
  /** Remote libraries logged in to (src/config/remote-servers.ts), by name. */
  servers?: Record<string, RemoteServer>;
  /** The remote library in use; absent: the local one. */
  currentServer?: string;
}

export interface LocalConfig {
  getSessionToken(): string | undefined;
  setSessionToken(token: string): void;
  clearSessionToken(): void;
  get<K extends keyof LocalConfigData>(key: K): LocalConfigData[K];
  set<K extends keyof LocalConfigData>(key: K, value: NonNullable<LocalConfigData[K]>): void;
  delete(key: keyof LocalConfigData): void;
  /** The stored settings (unvalidated: see resolveSettings). */
  storedSettings(): Readonly<Record<string, unknown>>;
  storeSetting(key: string, value: string | number): void;
  removeSetting(key: string): void;
  readonly path: string;
}

/** `$TUNES_HOME/config.json` when set, else `$XDG_CONFIG_HOME/tunes/config.json` (via conf). Mode 0600. */
export function openLocalConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const cwd = resolveConfigDir(env);
  // conf knows the file's path only once constructed: a problem met while opening is kept, then
  // reported with the path (the file is left as it is).
  let path: string | undefined;
  let problem: string | undefined;
  const store = new Conf<LocalConfigData>({
    projectName: 'tunes',
    projectSuffix: '',
    configName: 'config',
    configFileMode: 0o600,
    deserialize: (text) => {
      const why = configProblem(text);
      if (why === undefined) return (text.trim() === '' ? {} : JSON.parse(text)) as LocalConfigData;
      if (path !== undefined) throw unusableConfig(path, why);
      problem = why;
      return {};
    },
    ...(cwd ? { cwd } : {}),
  });
  path = store.path;
  if (problem !== undefined) throw unusableConfig(path, problem);
  const settings = (): Record<string, string | number> => {
    const stored = store.get('settings');
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  };
  return {
    getSessionToken: () => checkSessionToken(store.get('sessionToken'), store.path),
    setSessionToken: (token) => store.set('sessionToken', token),
    clearSessionToken: () => store.delete('sessionToken'),
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    storedSettings: settings,
    storeSetting: (key, value) => store.set('settings', { ...settings(), [key]: value }),
    removeSetting(key) {
      const { [key]: _removed, ...rest } = settings();
      store.set('settings', rest);
    },
    path: store.path,
  };
}
