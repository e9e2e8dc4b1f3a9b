import { api, ApiError } from './api.js';

/** GET /api/songs/:id/lyrics; a song without lyrics answers `source: null` and no lines. */
export interface SongLyrics {
  song_id: number;
  source: string | null;
  synced: boolean;
  language: string | null;
  lines: Array<{ start_ms: number | null; text: string }>;
}

/** The song's lyrics, or null when it has none (a song gone from the library counts as none). */
export async function fetchLyrics(songId: number): Promise<SongLyrics | null> {
  try {
    const lyrics = await api<SongLyrics>('GET', `/api/songs/${songId}/lyrics`);
    return lyrics.lines.length > 0 ? lyrics : null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The index of the line sung at `positionMs`: the last one started by then; -1 before the first. */
export function lineAt(lines: SongLyrics['lines'], positionMs: number): number {
  let found = -1;
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i]!.start_ms;
    if (start === null) continue;
    if (start > positionMs) break;
    found = i;
  }
  return found;
}
