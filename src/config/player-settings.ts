import { readFileSync } from 'node:fs';
import { resolveConfigFile } from './paths.js';
import { readStoredSettingsQuickly } from './settings-file.js';
import { checkStored, settingSpec, type SettingKey, type Settings } from './settings.js';

/**
 * The settings the player and its clients need (from the one table, src/config/settings.ts), read
 * straight from config.json without loading `conf` (with ajv and semver, ~400 KB of code): the
 * player stays small and a lean command reads them in a fraction of a millisecond. A stored value
 * that is not valid counts as the default here; `tunes config` says what is wrong with it.
 */
export interface PlayerSettings {
  /** Seconds ←/→ seek. */
  seekStep: number;
  /** Points +/- change the volume. */
  volumeStep: number;
  /** Seconds the player waits, stopped or paused with nobody attached, before it ends; 0: never. */
  idleTimeoutSeconds: number;
  /** Where the MPD bridge listens ("127.0.0.1:6600" or a socket path); empty: no MPD. */
  mpdListen: string;
  /** Whether the player watches the library folders and scans what changes (`watch`). */
  watch: boolean;
}

export const DEFAULT_IDLE_TIMEOUT_SECONDS = settingSpec('idle-timeout').default as number;

export function readPlayerSettings(env: NodeJS.ProcessEnv = process.env): PlayerSettings {
  const stored = readStoredSettingsQuickly(env);
  const value = <K extends SettingKey>(key: K): Settings[K] => {
    const spec = settingSpec(key);
    try {
      return (stored[key] === undefined ? spec.default : checkStored(spec, stored[key], 'config')) as Settings[K];
    } catch {
      return spec.default as Settings[K];
    }
  };
  return {
    seekStep: value('seek-step'),
    volumeStep: value('volume-step'),
    idleTimeoutSeconds: value('idle-timeout'),
    mpdListen: value('mpd-listen'),
    watch: value('watch') === 'on',
  };
}

/**
 * What the player needs from config.json besides settings, read the same quick way: the session
 * token (whose account gets the listens of what is queued now) and the volume an older, foreground
 * `tunes play` left there.
 */
export function readLocalState(env: NodeJS.ProcessEnv = process.env): { sessionToken?: string; volume?: number } {
  let data: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(readFileSync(resolveConfigFile(env), 'utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null) data = parsed as Record<string, unknown>;
  } catch {
    // no config yet: nobody logged in
  }
  return {
    ...(typeof data['sessionToken'] === 'string' ? { sessionToken: data['sessionToken'] } : {}),
    ...(typeof data['volume'] === 'number' ? { volume: data['volume'] } : {}),
  };
}
