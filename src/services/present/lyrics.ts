import type { Lyrics } from '../../domain/lyrics.js';

/**
 * A song's lyrics as JSON, the same in `tunes lyrics --json` and GET /api/songs/:id/lyrics:
 * `source: null` and no lines when it has none.
 */
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
