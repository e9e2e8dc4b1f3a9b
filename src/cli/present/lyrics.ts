import type { LyricsLine } from '../../domain/lyrics.js';
import { elapsedClock } from '../../text/clock-time.js';

export { presentLyrics } from '../../services/present/lyrics.js';

/** `[1:02.35] text` for a synced line (hundredths, as LRC writes them), the text alone otherwise. */
export function lyricsLineText(line: LyricsLine): string {
  if (line.start_ms === null) return line.text;
  const hundredths = String(Math.floor((line.start_ms % 1000) / 10)).padStart(2, '0');
  return `[${elapsedClock(line.start_ms)}.${hundredths}] ${line.text}`;
}
