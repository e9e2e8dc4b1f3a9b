import type { Lyrics } from '../../domain/lyrics.js';

/** How many songs' answers are kept (the current one, and a few to go back to). */
const REMEMBERED = 16;

/**
 * xesam:asText for songs: their lyrics as plain text (lines without times). The lookup is
 * asynchronous, so `get` answers what is known now and `onFound` is called once lyrics arrive, to
 * publish the Metadata again (as mpris-art.ts does for covers).
 */
export function createLyricsTexts(lookup: (songId: number) => Promise<Lyrics | null>, onFound: (songId: number) => void) {
  const known = new Map<number, string | null>();
  const asked = new Set<number>();
  const remember = (songId: number, text: string | null) => {
    asked.delete(songId);
    if (known.size >= REMEMBERED) known.delete(known.keys().next().value!);
    known.set(songId, text);
    if (text) onFound(songId);
  };
  return {
    get(songId: number): string | undefined {
      const text = known.get(songId);
      if (text !== undefined) return text ?? undefined;
      if (!asked.has(songId)) {
        asked.add(songId);
        lookup(songId).then(
          (lyrics) => remember(songId, lyrics && lyrics.lines.length > 0 ? lyrics.lines.map((line) => line.text).join('\n') : null),
          () => remember(songId, null),
        );
      }
      return undefined;
    },
  };
}
