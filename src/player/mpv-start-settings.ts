import { parseMpvOptions } from './mpv-user-options.js';

export type ReplayGainMode = 'off' | 'track' | 'album';

/** The user's choices that shape how mpv is started (from `tunes config`). */
export interface MpvStartSettings {
  audioDevice: string;
  replayGain: ReplayGainMode;
  /** The `mpv-options` line, parsed by parseMpvOptions. */
  userOptions: string;
}

export const DEFAULT_START_SETTINGS: MpvStartSettings = { audioDevice: 'auto', replayGain: 'off', userOptions: '' };

/** mpv's arguments for these settings (user options first, so nothing tunes sets can be undone). */
export function startSettingsArgs({ audioDevice, replayGain, userOptions }: MpvStartSettings): string[] {
  return [
    ...parseMpvOptions(userOptions).map((option) => option.arg),
    ...(audioDevice !== 'auto' ? [`--audio-device=${audioDevice}`] : []),
    ...(replayGain !== 'off' ? [`--replaygain=${replayGain}`] : []),
  ];
}

/** The gains the library stored for one song (from its tags, by the scan). */
export interface StoredReplayGain {
  trackDb: number | null;
  albumDb: number | null;
}

/**
 * Per-file mpv options that make the stored ReplayGain count: mpv reads the gain from the file
 * itself, and applies `replaygain-fallback` when it finds none there (a tag format it does not
 * read, a stream without tags), so the value the scan stored is what plays. Nothing when off:
 * mpv applies the fallback even with replaygain off.
 */
export function replayGainFileOptions(mode: ReplayGainMode, gain: StoredReplayGain | undefined): Record<string, string> {
  if (mode === 'off' || !gain) return {};
  const db = mode === 'album' ? (gain.albumDb ?? gain.trackDb) : gain.trackDb;
  return db === null ? {} : { 'replaygain-fallback': String(db) };
}
