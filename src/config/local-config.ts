import { readFileSync } from 'node:fs';
import type Conf from 'conf';
import { checkSessionToken, configProblem, unusableConfig } from './config-check.js';
import { resolveConfigDir, resolveConfigFile } from './paths.js';
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
  setSessionToken(token: string): Promise<void>;
  clearSessionToken(): Promise<void>;
  get<K extends keyof LocalConfigData>(key: K): LocalConfigData[K];
  set<K extends keyof LocalConfigData>(key: K, value: NonNullable<LocalConfigData[K]>): Promise<void>;
  delete(key: keyof LocalConfigData): Promise<void>;
  /** The stored settings (unvalidated: see resolveSettings). */
  storedSettings(): Readonly<Record<string, unknown>>;
  storeSetting(key: string, value: string | number): Promise<void>;
  removeSetting(key: string): Promise<void>;
  readonly path: string;
}

/**
 * `$TUNES_HOME/config.json` when set, else `$XDG_CONFIG_HOME/tunes/config.json` (where conf keeps
 * it). Reads are a plain JSON read, checked as conf's deserializer would; `conf` (with ajv and semver,
 * ~400 KB that V8 would compile for every plain command) loads only when something is written, and
 * writes the file as ever: atomically, mode 0600.
 */
export function openLocalConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const path = resolveConfigFile(env);
  const read = (): LocalConfigData => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const why = configProblem(text);
    if (why !== undefined) throw unusableConfig(path, why);
    return (text.trim() === '' ? {} : JSON.parse(text)) as LocalConfigData;
  };
  // A file tunes cannot use is reported on opening, with its path (and left as it is).
  read();
  let writer: Promise<Conf<LocalConfigData>> | undefined;
  const write = async (change: (store: Conf<LocalConfigData>) => void): Promise<void> => {
    writer ??= openWriter(env, path);
    change(await writer);
  };
  const settings = (): Record<string, string | number> => {
    const stored = read().settings;
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  };
  return {
    getSessionToken: () => checkSessionToken(read().sessionToken, path),
    setSessionToken: (token) => write((store) => store.set('sessionToken', token)),
    clearSessionToken: () => write((store) => store.delete('sessionToken')),
    get: (key) => read()[key],
    set: (key, value) => write((store) => store.set(key, value)),
    delete: (key) => write((store) => store.delete(key)),
    storedSettings: settings,
    storeSetting: (key, value) => write((store) => store.set('settings', { ...settings(), [key]: value })),
    removeSetting(key) {
      const { [key]: _removed, ...rest } = settings();
      return write((store) => store.set('settings', rest));
    },
    path,
  };
}

async function openWriter(env: NodeJS.ProcessEnv, path: string): Promise<Conf<LocalConfigData>> {
  const { default: ConfStore } = await import('conf');
  const cwd = resolveConfigDir(env);
  return new ConfStore<LocalConfigData>({
    projectName: 'tunes',
    projectSuffix: '',
    configName: 'config',
    configFileMode: 0o600,
    deserialize: (text) => {
      const why = configProblem(text);
      if (why !== undefined) throw unusableConfig(path, why);
      return (text.trim() === '' ? {} : JSON.parse(text)) as LocalConfigData;
    },
    ...(cwd ? { cwd } : {}),
  });
}
