import { writeM3u8 } from './formats/m3u.js';
import type { ExportInput } from './formats/playlist-file.js';
import { writeTunesJson } from './formats/tunes-json.js';
import { writeXspf } from './formats/xspf-write.js';

export const EXPORT_FORMATS = ['m3u8', 'xspf', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportPlaylist(format: ExportFormat, playlist: ExportInput): string {
  switch (format) {
    case 'm3u8':
      return writeM3u8(playlist);
    case 'xspf':
      return writeXspf(playlist);
    case 'json':
      return writeTunesJson(playlist);
  }
}
