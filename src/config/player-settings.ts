import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';

/**
 * The settings the player and its clients read, straight from config.json (`tunes config set`
 * stores them under "settings"), without loading `conf` (with ajv and semver, ~400 KB of code):
 * the lean client reads them in a fraction of a millisecond, and the player stays small. A value
 * that is missing or not valid counts as the default.
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
}

export const DEFAULT_IDLE_TIMEOUT_SECONDS = 600;

export function readPlayerSettings(env: NodeJS.ProcessEnv = process.env): PlayerSettings {
  const stored = storedSettings(env);
  return {
    seekStep: whole(stored['seek-step'], 1, 600) ?? 5,
    volumeStep: whole(stored['volume-step'], 1, 50) ?? 5,
    idleTimeoutSeconds: whole(stored['idle-timeout'], 0, 7 * 86_400) ?? DEFAULT_IDLE_TIMEOUT_SECONDS,
    mpdListen: typeof stored['mpd-listen'] === 'string' ? stored['mpd-listen'] : '',
  };
}

/**
 * What the player needs from config.json besides settings, read the same quick way: the session
 * token (whose account gets the listens of what is queued now) and the volume an older, foreground
 * `tunes play` left there.
 */
export function readLocalState(env: NodeJS.ProcessEnv = process.env): { sessionToken?: string; volume?: number } {
  const data = configData(env);
  return {
    ...(typeof data['sessionToken'] === 'string' ? { sessionToken: data['sessionToken'] } : {}),
    ...(typeof data['volume'] === 'number' ? { volume: data['volume'] } : {}),
  };
}

function storedSettings(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const { settings } = configData(env);
  return typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>) : {};
}

function configData(env: NodeJS.ProcessEnv): Record<string, unknown> {
  try {
    const data = JSON.parse(readFileSync(configFile(env), 'utf8')) as unknown;
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function whole(value: unknown, min: number, max: number): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

function configFile(env: NodeJS.ProcessEnv): string {
  if (env.TUNES_HOME) return join(resolve(env.TUNES_HOME), 'config.json');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'tunes', 'config.json');
}
