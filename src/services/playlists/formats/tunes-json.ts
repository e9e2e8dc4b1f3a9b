import { TunesError } from '../../../errors.js';
import type { ExportInput, ParsedPlaylistFile, PlaylistFileEntry } from './playlist-file.js';

export const JSON_FORMAT_TAG = 'tunes-playlist';

interface JsonSong {
  path: string;
  title: string;
  artist: string;
  album: string;
  durationMs: number | null;
}

/** tunes' own JSON export: enough to find each song again by path, or by artist and title. */
export function writeTunesJson({ name, description, songs }: ExportInput): string {
  const document = {
    format: JSON_FORMAT_TAG,
    version: 1,
    name,
    description,
    songs: songs.map(
      (s): JsonSong => ({ path: s.path, title: s.title, artist: s.artist, album: s.album, durationMs: s.duration_ms }),
    ),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function parseTunesJson(text: string): ParsedPlaylistFile {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new TunesError('invalid_input', `not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(document) || document.format !== JSON_FORMAT_TAG || !Array.isArray(document.songs)) {
    throw new TunesError('invalid_input', `not a tunes playlist export (expected "format": "${JSON_FORMAT_TAG}")`);
  }
  const result: ParsedPlaylistFile = { entries: [] };
  if (typeof document.name === 'string') result.name = document.name;
  if (typeof document.description === 'string') result.description = document.description;
  document.songs.forEach((song: unknown, index) => {
    const entry: PlaylistFileEntry = { ref: `song ${index + 1}`, locationKind: 'path' };
    if (isObject(song)) {
      if (typeof song.path === 'string') entry.location = song.path;
      if (typeof song.artist === 'string') entry.artist = song.artist;
      if (typeof song.title === 'string') entry.title = song.title;
      if (typeof song.durationMs === 'number') entry.durationMs = song.durationMs;
    }
    result.entries.push(entry);
  });
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
