/** Where a song's lyrics were found, in the order they are looked for. */
export type LyricsSource = 'sidecar' | 'sylt' | 'embedded';

/** One line of lyrics: `start_ms` is null for unsynced lyrics. */
export interface LyricsLine {
  start_ms: number | null;
  text: string;
}

/**
 * A song's lyrics as services return them and edges render them. Synced lyrics have every line's
 * `start_ms` (the file's `[offset:]` applied, sorted); unsynced ones none.
 */
export interface Lyrics {
  song_id: number;
  source: LyricsSource;
  synced: boolean;
  /** ISO 639-2 code the file gives (ID3's USLT/SYLT language), else null. */
  language: string | null;
  /** LRC metadata tags ([ti:], [ar:], [al:], [by:], ...), lower-case keys. */
  tags: Record<string, string>;
  lines: LyricsLine[];
}
