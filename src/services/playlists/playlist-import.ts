import { basename, dirname, extname } from 'node:path';
import type { Kysely } from 'kysely';
import { TunesError, isTunesError } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import { existingSongIds } from '../../db/repositories/song-lookup.js';
import { writeTransaction } from '../../db/write-transaction.js';
import { detectFormat, parsePlaylistFile, type ImportFormat } from './formats/detect-format.js';
import type { PlaylistFileEntry } from './formats/playlist-file.js';
import { matchEntries } from './import-matcher.js';
import { isAudioFileName } from '../library/audio-files.js';
import type { PlaylistSummary } from '../../domain/playlist.js';

export interface ImportInput {
  /** The file's text (see decodePlaylistBytes). */
  text: string;
  /** Absolute path of the file: relative entries resolve from its folder; it names the playlist by default. */
  sourcePath?: string;
  /** Where relative entries resolve from when there is no file (standard input): usually the cwd. */
  baseDir?: string;
  /** Overrides the name stored in the file and the file name. */
  name?: string;
  format?: ImportFormat;
}

export interface UnmatchedEntry {
  /** Where in the file: "line 7", "track 3". */
  ref: string;
  /** What the file says, for people: its location, else artist - title. */
  label: string;
}

export interface ImportResult {
  playlist: PlaylistSummary;
  format: ImportFormat;
  total: number;
  matched: number;
  unmatched: UnmatchedEntry[];
}

export type CreateImported = (
  trx: Kysely<Database>,
  name: string,
  description: string | null,
  songIds: number[],
) => Promise<PlaylistSummary>;

/** Playlist files larger than this are refused (a 100,000-song M3U is about 10 MB). */
export const MAX_PLAYLIST_FILE_BYTES = 32 * 1024 * 1024;

export async function importPlaylist(db: Kysely<Database>, input: ImportInput, create: CreateImported): Promise<ImportResult> {
  const what = input.sourcePath ? basename(input.sourcePath) : 'the playlist file';
  requirePlaylistText(input, what);
  const format = input.format ?? detectFormat(input.text, input.sourcePath);
  const parsed = await parsePlaylistFile(input.text, format);
  const name = input.name ?? parsed.name ?? defaultName(input.sourcePath);
  if (parsed.entries.length === 0) {
    throw new TunesError('not_found', `${what} has no entries; no playlist created`);
  }
  const baseDir = input.sourcePath ? dirname(input.sourcePath) : input.baseDir;

  // Matching may read the whole catalogue, so it runs before the write lock is taken; songs deleted
  // in between are dropped inside the write transaction.
  const ids = await db.transaction().execute((trx) => matchEntries(trx, parsed.entries, baseDir));
  return writeTransaction(db, async (trx) => {
    const present = await existingSongIds(trx, ids.filter((id): id is number => id !== undefined));
    const kept = ids.map((id) => (id !== undefined && present.has(id) ? id : undefined));
    const songIds = kept.filter((id): id is number => id !== undefined);
    const unmatched = parsed.entries.filter((_, i) => kept[i] === undefined).map(describe);
    if (songIds.length === 0) {
      throw new TunesError(
        'not_found',
        `${parsed.entries.length === 1 ? 'the one entry' : `none of the ${parsed.entries.length} entries`} in ${what} ${parsed.entries.length === 1 ? 'matched no song' : 'matched a song'} in the library; no playlist created`,
        'scan the folder holding the music first, or check the paths in the file',
      );
    }
    let playlist: PlaylistSummary;
    try {
      playlist = await create(trx, name, parsed.description ?? null, songIds);
    } catch (error) {
      if (isTunesError(error) && error.code === 'conflict') {
        throw new TunesError('conflict', error.message, 'import it under another name with --name');
      }
      throw error;
    }
    return { playlist, format, total: parsed.entries.length, matched: songIds.length, unmatched };
  });
}

/** An audio file, a binary file or a huge one is not a playlist: say so before parsing it. */
function requirePlaylistText(input: ImportInput, what: string): void {
  const formats = 'M3U/M3U8, XSPF or tunes JSON';
  if (input.sourcePath && isAudioFileName(input.sourcePath)) {
    throw new TunesError('invalid_input', `${what} is an audio file, not a playlist file (${formats})`);
  }
  if (input.text.includes('\u0000')) throw new TunesError('invalid_input', `${what} is not a playlist file (${formats}): it holds binary data`);
  // Decoded text: a UTF-16 unit per byte at most, so this never lets more than the cap through.
  if (input.text.length > MAX_PLAYLIST_FILE_BYTES) {
    throw new TunesError('invalid_input', `${what} is too large for a playlist file (at most ${MAX_PLAYLIST_FILE_BYTES / 1024 / 1024} MB)`);
  }
}

function defaultName(sourcePath: string | undefined): string {
  if (!sourcePath) throw new TunesError('usage', 'the playlist has no name of its own; give one with --name');
  return basename(sourcePath, extname(sourcePath));
}

function describe(entry: PlaylistFileEntry): UnmatchedEntry {
  const names = entry.artist && entry.title ? `${entry.artist} - ${entry.title}` : (entry.display ?? entry.title);
  return { ref: entry.ref, label: entry.location ?? names ?? '(empty entry)' };
}
