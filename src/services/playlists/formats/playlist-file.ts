/** One entry read from a playlist file, before it is matched against the library. */
export interface PlaylistFileEntry {
  /** 1-based line (M3U) or track number (XSPF, JSON), for reports. */
  ref: string;
  /** As written: a path (M3U, JSON) or a URI (XSPF). */
  location?: string;
  locationKind: 'path' | 'uri';
  artist?: string;
  title?: string;
  /** "Artist - Title" as an M3U #EXTINF line gives it, not yet split (artists may contain " - "). */
  display?: string;
  durationMs?: number;
}

export interface ParsedPlaylistFile {
  name?: string;
  description?: string;
  entries: PlaylistFileEntry[];
}

/** What export writes: a playlist's name and its songs in order. */
export interface ExportSong {
  path: string;
  title: string;
  artist: string;
  album: string;
  duration_ms: number | null;
}

export interface ExportInput {
  name: string;
  description: string | null;
  songs: ExportSong[];
}

/** Text inside one line of a playlist file: no line breaks. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
