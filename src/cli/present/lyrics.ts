import type { Lyrics, LyricsLine } from '../../domain/lyrics.js';
import { elapsedClock } from '../../text/clock-time.js';

/** `--json` of `tunes lyrics`: the song's lyrics, or `source: null` and no lines when it has none. */
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

/** `[1:02.35] text` for a synced line (hundredths, as LRC writes them), the text alone otherwise. */
export function lyricsLineText(line: LyricsLine): string {
  if (line.start_ms === null) return line.text;
  const hundredths = String(Math.floor((line.start_ms % 1000) / 10)).padStart(2, '0');
  return `[${elapsedClock(line.start_ms)}.${hundredths}] ${line.text}`;
}
