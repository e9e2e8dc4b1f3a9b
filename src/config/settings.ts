import { TunesError } from '../errors.js';
import type { MpvStartSettings } from '../player/mpv-start-settings.js';
import { parseMpvOptions } from '../player/mpv-user-options.js';

/**
 * Every setting `tunes config` knows, in one table: its type, the values it allows, its default and
 * what it does. Values are stored in the local config file as JSON (numbers as numbers); whatever
 * reads them goes through `resolveSettings`, so a hand-edited file is validated like `config set`.
 */
export interface Settings {
  'seek-step': number;
  'volume-step': number;
  'audio-device': string;
  replaygain: 'off' | 'track' | 'album';
  'mpv-options': string;
  theme: 'auto' | 'dark' | 'light' | 'mono';
  'idle-timeout': number;
  'mpd-listen': string;
  'stream-bitrate': number;
  watch: 'on' | 'off';
  'cover-art': 'auto' | 'kitty' | 'iterm2' | 'sixel' | 'halfblocks' | 'off';
}

export type SettingKey = keyof Settings;

export interface SettingSpec<K extends SettingKey = SettingKey> {
  key: K;
  type: 'integer' | 'choice' | 'text';
  /** What may be given, for people: "1-600 (seconds)", "off, track, album". */
  allowed: string;
  choices?: readonly string[];
  default: Settings[K];
  help: string;
  /** The stored value from what was typed; throws invalid_input saying what is allowed. */
  parse(text: string): Settings[K];
}

const integer = <K extends SettingKey>(key: K, min: number, max: number, unit: string, fallback: number, help: string): SettingSpec<K> => ({
  key,
  type: 'integer',
  allowed: `${min}-${max} (${unit})`,
  default: fallback as Settings[K],
  help,
  parse(text) {
    const value = Number(text.trim());
    if (!/^\s*\d+\s*$/.test(text) || value < min || value > max) {
      throw invalidValue(key, text, `a whole number from ${min} to ${max} (${unit})`);
    }
    return value as Settings[K];
  },
});

const choice = <K extends SettingKey>(key: K, choices: ReadonlyArray<Settings[K] & string>, help: string): SettingSpec<K> => ({
  key,
  type: 'choice',
  allowed: choices.join(', '),
  choices,
  default: choices[0]!,
  help,
  parse(text) {
    const value = text.trim().toLowerCase();
    if (!choices.includes(value as Settings[K] & string)) throw invalidValue(key, text, `one of ${choices.join(', ')}`);
    return value as Settings[K];
  },
});

export const SETTINGS: readonly SettingSpec[] = [
  integer('seek-step', 1, 600, 'seconds', 5, 'how far ←/→ seek, in the browser and in tunes play'),
  integer('volume-step', 1, 50, 'percent', 5, 'how much +/- change the volume'),
  {
    key: 'audio-device',
    type: 'text',
    allowed: 'a device name mpv lists, or auto',
    default: 'auto',
    help: "the audio output mpv plays to (mpv's --audio-device)",
    parse(text) {
      const value = text.trim();
      if (!value || /[\0-\x1f\x7f]/.test(value)) throw invalidValue('audio-device', text, 'a device name mpv lists, or auto');
      return value;
    },
  },
  choice('replaygain', ['off', 'track', 'album'], 'loudness levelling from ReplayGain tags: per song, or per album'),
  {
    key: 'mpv-options',
    type: 'text',
    allowed: 'mpv flags, e.g. "--audio-exclusive=yes --af=lavfi=[dynaudnorm]"',
    default: '',
    help: 'extra options for mpv, for what tunes has no setting for',
    parse(text) {
      parseMpvOptions(text);
      return text.trim();
    },
  },
  choice('theme', ['auto', 'dark', 'light', 'mono'], 'colours of the browser: auto (dark, or mono when NO_COLOR is set), dark, light or mono'),
  integer('idle-timeout', 0, 604_800, 'seconds; 0: never', 600, 'how long the background player waits, paused or stopped with nobody attached, before it ends'),
  {
    key: 'mpd-listen',
    type: 'text',
    allowed: 'HOST:PORT (127.0.0.1:6600) or a socket path; empty: off',
    default: '',
    help: 'where the background player answers MPD clients (mpc, ncmpcpp); off when empty',
    parse(text) {
      const value = text.trim();
      const port = /^(?:\[[0-9a-fA-F:.]+\]|[^\s:/]+):(\d{1,5})$/.exec(value)?.[1];
      if (value === '' || value.startsWith('/') || (port !== undefined && Number(port) >= 1 && Number(port) <= 65_535)) return value;
      throw invalidValue('mpd-listen', text, 'HOST:PORT (e.g. 127.0.0.1:6600), a socket path, or empty');
    },
  },
  choice('watch', ['on', 'off'], 'whether the background player keeps the library up to date: watches the library folders and scans what changes'),
  integer('stream-bitrate', 0, 1_000, 'kbit/s; 0: the original file', 0, 'on a remote library, the bit rate the server is asked to transcode songs to'),
  choice('cover-art', ['auto', 'kitty', 'iterm2', 'sixel', 'halfblocks', 'off'], "how the browser draws covers: auto (asks the terminal), kitty's or iTerm2's images, sixel, colour half blocks, or off"),
];

export const SETTING_KEYS: readonly SettingKey[] = SETTINGS.map((s) => s.key);

export function settingSpec(key: string): SettingSpec {
  const spec = SETTINGS.find((s) => s.key === key);
  if (!spec) throw new TunesError('invalid_input', `unknown setting "${key}"; the settings are ${SETTING_KEYS.join(', ')}`);
  return spec;
}

export const DEFAULT_SETTINGS = Object.fromEntries(SETTINGS.map((s) => [s.key, s.default])) as unknown as Settings;

/**
 * The settings in force: what is stored, validated, over the defaults. A stored value that is not
 * valid (the file was edited by hand) is an error naming the setting, not silently ignored.
 */
export function resolveSettings(stored: Readonly<Record<string, unknown>>, source: string): Settings {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const spec of SETTINGS) {
    const value = stored[spec.key];
    if (value === undefined) continue;
    settings[spec.key] = checkStored(spec, value, source);
  }
  return settings as unknown as Settings;
}

/** A stored value as `config set` would have stored it; throws invalid_input naming the file. */
export function checkStored(spec: SettingSpec, value: unknown, source: string): unknown {
  const asText = typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;
  try {
    if (asText === undefined) throw invalidValue(spec.key, JSON.stringify(value), spec.allowed);
    return spec.parse(asText);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new TunesError('invalid_input', `${source}: ${message}`);
  }
}

/** What mpv gets from the settings when it starts. */
export function mpvStartSettingsOf(settings: Settings): MpvStartSettings {
  return { audioDevice: settings['audio-device'], replayGain: settings.replaygain, userOptions: settings['mpv-options'] };
}

/** How a value is shown to people: text as it is, "(none)" for empty text. */
export function formatSetting(value: unknown): string {
  return value === '' ? '(none)' : String(value);
}

function invalidValue(key: SettingKey, given: string, allowed: string): TunesError {
  return new TunesError('invalid_input', `${key} must be ${allowed} (got "${given}")`);
}
