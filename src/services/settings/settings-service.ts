import type { LocalConfig } from '../../config/local-config.js';
import { checkStored, mpvStartSettingsOf, resolveSettings, SETTINGS, settingSpec, type SettingKey, type Settings, type SettingSpec } from '../../config/settings.js';
import { TunesError, isTunesError } from '../../errors.js';
import { listAudioDevices, listMpvOptionNames, type AudioDevice } from '../../player/mpv-info.js';
import type { MpvStartSettings } from '../../player/mpv-start-settings.js';
import { parseMpvOptions, unknownMpvOptions } from '../../player/mpv-user-options.js';

export type { AudioDevice } from '../../player/mpv-info.js';

export interface SettingEntry {
  key: SettingKey;
  /** The value in force: the stored one, or the default. */
  value: unknown;
  default: unknown;
  isDefault: boolean;
  type: SettingSpec['type'];
  allowed: string;
  help: string;
  /** Set when the stored value is not valid (the file was edited by hand): what is wrong with it. */
  problem?: string;
}

export interface SettingsService {
  list(): SettingEntry[];
  /** invalid_input (exit 2) for an unknown key, listing the known ones. */
  get(key: string): SettingEntry;
  /**
   * Validates and stores a value. An audio device and mpv options are also checked against the mpv
   * on this machine when there is one (`unchecked` says why not otherwise).
   */
  set(key: string, text: string): Promise<{ entry: SettingEntry; unchecked?: string }>;
  unset(key: string): Promise<SettingEntry>;
  /** Every setting in force; invalid_input naming the file when a stored value is not valid. */
  current(): Settings;
  /** What mpv gets from the settings when it starts. */
  mpvStartSettings(): MpvStartSettings;
  /** The outputs mpv can play to, and the one chosen. */
  devices(): Promise<{ devices: AudioDevice[]; current: string }>;
  /** The file the settings live in. */
  readonly file: string;
}

export function createSettingsService({ config, resolveMpv }: { config: LocalConfig; resolveMpv: () => string }): SettingsService {
  const entry = (spec: SettingSpec): SettingEntry => {
    const stored = config.storedSettings()[spec.key];
    const base = { key: spec.key, default: spec.default, type: spec.type, allowed: spec.allowed, help: spec.help };
    if (stored === undefined) return { ...base, value: spec.default, isDefault: true };
    try {
      return { ...base, value: checkStored(spec, stored, config.path), isDefault: false };
    } catch (error) {
      return { ...base, value: stored, isDefault: false, problem: (error as Error).message };
    }
  };
  const current = () => resolveSettings(config.storedSettings(), config.path);

  return {
    file: config.path,
    list: () => SETTINGS.map(entry),
    get: (key) => entry(settingSpec(key)),
    async set(key, text) {
      const spec = settingSpec(key);
      const value = spec.parse(text);
      let unchecked: string | undefined;
      try {
        if (spec.key === 'audio-device') await checkDevice(resolveMpv(), String(value));
        if (spec.key === 'mpv-options' && value !== '') await checkOptionNames(resolveMpv(), String(value));
      } catch (error) {
        if (!isTunesError(error) || error.code !== 'dependency_missing') throw error;
        unchecked = 'mpv is not installed, so the value was not checked against it';
      }
      if (value === spec.default) await config.removeSetting(spec.key);
      else await config.storeSetting(spec.key, value as string | number);
      return { entry: entry(spec), ...(unchecked ? { unchecked } : {}) };
    },
    async unset(key) {
      const spec = settingSpec(key);
      await config.removeSetting(spec.key);
      return entry(spec);
    },
    current,
    mpvStartSettings: () => mpvStartSettingsOf(current()),
    async devices() {
      const devices = await listAudioDevices(resolveMpv());
      return { devices, current: entry(settingSpec('audio-device')).value as string };
    },
  };
}

async function checkDevice(binary: string, name: string): Promise<void> {
  if (name === 'auto') return;
  const devices = await listAudioDevices(binary);
  if (devices.some((d) => d.name === name)) return;
  const names = devices.map((d) => d.name);
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')} and ${names.length - 12} more` : names.join(', ');
  throw new TunesError('invalid_input', `audio-device "${name}" is not one mpv offers here (${shown})`);
}

async function checkOptionNames(binary: string, text: string): Promise<void> {
  const unknown = unknownMpvOptions(parseMpvOptions(text), await listMpvOptionNames(binary));
  if (unknown.length > 0) {
    throw new TunesError('invalid_input', `mpv-options: this mpv has no option ${unknown.join(', ')}`);
  }
}
