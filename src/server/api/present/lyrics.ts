import type { Lyrics } from '../../../domain/lyrics.js';

/** GET /api/songs/:id/lyrics: the CLI's `tunes lyrics --json` shape; `source: null` and no lines without lyrics. */
export function presentLyrics(songId: number, lyrics: Lyrics | null) {
  return {
    song_id: songId,
    source: lyrics?.source ?? null,
    synced: lyrics?.synced ?? false,
    language: lyrics?.language ?? null,
    tags: lyrics?.tags ?? {},
    lines: (lyrics?.lines ?? []).map((line) => ({ start_ms: line.start_ms, text: line.text })),
  };
}
