import { basename, dirname, extname } from 'node:path';
import type { Kysely } from 'kysely';
import { TunesError } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import { writeTransaction } from '../../db/write-transaction.js';
import { detectFormat, parsePlaylistFile, type ImportFormat } from './formats/detect-format.js';
import type { PlaylistFileEntry } from './formats/playlist-file.js';
import { matchEntries } from './import-matcher.js';
import type { PlaylistSummary } from './playlist-types.js';

export interface ImportInput {
  /** The file's text (see decodePlaylistBytes). */
  text: string;
  /** Absolute path of the file: relative entries resolve from its folder; it names the playlist by default. */
  sourcePath?: string;
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

export async function importPlaylist(db: Kysely<Database>, input: ImportInput, create: CreateImported): Promise<ImportResult> {
  const format = input.format ?? detectFormat(input.text, input.sourcePath);
  const parsed = parsePlaylistFile(input.text, format);
  const name = input.name ?? parsed.name ?? defaultName(input.sourcePath);
  const what = input.sourcePath ? basename(input.sourcePath) : 'the playlist file';
  if (parsed.entries.length === 0) {
    throw new TunesError('not_found', `${what} has no entries; no playlist created`);
  }
  const baseDir = input.sourcePath ? dirname(input.sourcePath) : undefined;

  return writeTransaction(db, async (trx) => {
    const ids = await matchEntries(trx, parsed.entries, baseDir);
    const songIds = ids.filter((id): id is number => id !== undefined);
    const unmatched = parsed.entries.filter((_, i) => ids[i] === undefined).map(describe);
    if (songIds.length === 0) {
      throw new TunesError(
        'not_found',
        `none of the ${parsed.entries.length} entries in ${what} matched a song in the library; no playlist created`,
        'scan the folder holding the music first, or check the paths in the file',
      );
    }
    const playlist = await create(trx, name, parsed.description ?? null, songIds);
    return { playlist, format, total: parsed.entries.length, matched: songIds.length, unmatched };
  });
}

function defaultName(sourcePath: string | undefined): string {
  if (!sourcePath) throw new TunesError('usage', 'the playlist file has no name; give one with --name');
  return basename(sourcePath, extname(sourcePath));
}

function describe(entry: PlaylistFileEntry): UnmatchedEntry {
  const names = entry.artist && entry.title ? `${entry.artist} - ${entry.title}` : (entry.display ?? entry.title);
  return { ref: entry.ref, label: entry.location ?? names ?? '(empty entry)' };
}
