import { extname } from 'node:path';

/** Extensions the scanner reads (case-insensitive): every format music-metadata parses that mpv plays. */
export const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set([
  '.mp3', '.flac', '.ogg', '.oga', '.opus', '.m4a', '.mp4', '.aac', '.wav', '.aif', '.aiff', '.wma',
]);

export function isAudioFileName(name: string): boolean {
  return AUDIO_EXTENSIONS.has(extname(name).toLowerCase());
}
