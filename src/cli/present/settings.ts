import type { AudioDevice, SettingEntry } from '../../services/settings/settings-service.js';

/** One setting as `tunes config --json` shows it. */
export function presentSetting(entry: SettingEntry) {
  return {
    key: entry.key,
    value: entry.value,
    default: entry.default,
    is_default: entry.isDefault,
    type: entry.type,
    allowed: entry.allowed,
    help: entry.help,
    ...(entry.problem ? { problem: entry.problem } : {}),
  };
}

export function presentAudioDevice(device: AudioDevice, current: string) {
  return { name: device.name, description: device.description, selected: device.name === current };
}
