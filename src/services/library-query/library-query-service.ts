import { sep } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { listLibraryRoots } from '../../db/repositories/library-roots.js';
import { distinctTagValuesInIds, folderContents, folderContentsSlice, lastSongId, libraryTotals, songsNarrowedTo } from '../../db/repositories/tag-queries.js';
import type { Song } from '../../domain/song.js';
import type { FolderContents, LibraryTotals, SongNarrowing, TagField } from '../../domain/tag-query.js';
import { TunesError } from '../../errors.js';
import { toMatchExpression } from '../catalog/search-query.js';

export const MAX_SONGS_PER_READ = 2000;
/** The most distinct tag values one listing gives. */
export const MAX_TAG_VALUES = 100_000;

/**
 * The catalogue as a music daemon's clients look through it (the MPD bridge): library folders and
 * what is in them, songs by path, songs narrowed by whole tags, search words or a folder, the
 * distinct values of tags, and totals. Read-only; songs marked missing never show.
 */
export interface LibraryQueryService {
  /** The library folders (absolute paths), in path order. */
  roots(): Promise<string[]>;
  songByPath(path: string): Promise<Song | undefined>;
  /** What is directly in the folder at `path` (absolute); a folder holding more than `maxSongs` songs of its own is refused. */
  folder(path: string, maxSongs: number): Promise<FolderContents>;
  /**
   * Up to `limit` entries of the folder at `path` from `from` (undefined: its start), and where the
   * next slice starts (undefined: the folder is done): a huge folder read in slices.
   */
  folderSlice(path: string, from: string | undefined, limit: number): Promise<FolderContents & { next: string | undefined }>;
  /**
   * Songs the narrowing lets through, in path order, a page at a time (`afterPath`: the last path of
   * the page before). `words` are what a person types; each must start a word of the tag.
   */
  songs(where: SongNarrowing, page: { afterPath?: string | undefined; limit: number }): Promise<Song[]>;
  /**
   * The distinct combinations of the tags among the next `span` song ids after `afterId` (0: the
   * start), unordered, and where the next slice starts (undefined: the library is done): the whole
   * library's values a slice at a time, each a short read.
   */
  tagValuesSlice(fields: readonly TagField[], afterId: number, span: number): Promise<{ rows: Array<Array<string | number | null>>; next: number | undefined }>;
  totals(): Promise<LibraryTotals>;
}

export function createLibraryQueryService({ db }: { db: Kysely<Database> }): LibraryQueryService {
  return {
    roots: async () => (await listLibraryRoots(db)).map((root) => root.path),
    async songByPath(path) {
      const [song] = await songsNarrowedTo(db, { path }, { limit: 1 });
      return song;
    },
    async folder(path, maxSongs) {
      const contents = await folderContents(db, path.endsWith(sep) ? path : path + sep, sep, maxSongs);
      if (contents === 'too many') throw new TunesError('invalid_input', `${path} holds more than ${maxSongs} songs of its own`);
      return contents;
    },
    folderSlice: (path, from, limit) => folderContentsSlice(db, path.endsWith(sep) ? path : path + sep, sep, from, limit),
    async songs(where, page) {
      if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_SONGS_PER_READ) {
        throw new TunesError('invalid_input', `limit must be a whole number from 1 to ${MAX_SONGS_PER_READ}`);
      }
      const words: NonNullable<SongNarrowing['words']> = [];
      for (const term of where.words ?? []) {
        const match = toMatchExpression(term.words);
        // Nothing searchable (only punctuation): no narrowing by it; the caller's own check decides.
        if (match !== undefined) words.push({ ...(term.field ? { field: term.field } : {}), words: match });
      }
      return songsNarrowedTo(db, { ...where, words }, page);
    },
    async tagValuesSlice(fields, afterId, span) {
      if (fields.length === 0) throw new TunesError('invalid_input', 'name at least one tag');
      const through = afterId + span;
      const rows = await distinctTagValuesInIds(db, fields, afterId, through);
      return { rows, next: through < (await lastSongId(db)) ? through : undefined };
    },
    totals: () => libraryTotals(db),
  };
}
