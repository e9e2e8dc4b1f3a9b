import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Song } from '../../domain/song.js';
import type { FolderContents, LibraryTotals, SongNarrowing, TagField } from '../../domain/tag-query.js';
import type { Database, SongRow } from '../schema.js';
import { prefixUpperBound } from './path-range.js';
import { folderChildren, folderChildrenSlice } from './folders.js';
import { songsByPaths } from './song-lookup.js';
import { songRowToSong } from './song-row.js';
import { caseless } from '../dialect/caseless.js';
import { matchingIds, matchingIdsIn } from '../dialect/search-sql.js';
import { bytewise, caselessMatch } from '../dialect/sql-fragments.js';


type Db = Kysely<Database> | Transaction<Database>;

/** Song paths compare byte-wise, as the disk and SQLite order them. */
const path = (db: Db) => bytewise(db, sql.ref('s.path'));

/** Each tag as one SQL value (text tags '' when absent), so grouping and comparing need no null cases. */
const TAG_SQL: Record<TagField, RawBuilder<unknown>> = {
  title: sql`s.title`,
  artist: sql`s.artist`,
  album: sql`s.album`,
  album_artist: sql`coalesce(nullif(s.album_artist, ''), s.artist)`,
  genre: sql`coalesce(s.genre, '')`,
  year: sql`s.year`,
  track_no: sql`s.track_no`,
  disc_no: sql`s.disc_no`,
};
const TEXT_TAGS = new Set<TagField>(['title', 'artist', 'album', 'album_artist', 'genre']);

/** `words` here are FTS5 MATCH expressions already (the service makes them from what was typed). */
function narrowingConditions(db: Db, where: SongNarrowing): RawBuilder<unknown>[] {
  const conditions = [sql`s.missing_since is null`];
  for (const { field, value } of where.equal ?? []) {
    conditions.push(TEXT_TAGS.has(field) ? caselessMatch(db, TAG_SQL[field], String(value)) : sql`${TAG_SQL[field]} = ${value}`);
  }
  for (const { field, words } of where.words ?? []) {
    conditions.push(sql`s.id in (${field === undefined ? matchingIds(db, words) : matchingIdsIn(db, words, [field])})`);
  }
  if (where.path !== undefined) conditions.push(sql`s.path = ${where.path}`);
  if (where.pathPrefix !== undefined) conditions.push(sql`${path(db)} >= ${where.pathPrefix} and ${path(db)} < ${prefixUpperBound(where.pathPrefix)}`);
  return conditions;
}

/** Visible songs the narrowing lets through, in path order, `limit` at a time after `afterPath`. */
export async function songsNarrowedTo(db: Db, where: SongNarrowing, page: { afterPath?: string | undefined; limit: number }): Promise<Song[]> {
  const conditions = narrowingConditions(db, where);
  if (page.afterPath !== undefined) conditions.push(sql`${path(db)} > ${page.afterPath}`);
  const { rows } = await sql<SongRow>`select s.* from songs s where ${sql.join(conditions, sql` and `)}
    order by ${path(db)} limit ${page.limit}`.execute(db);
  return rows.map(songRowToSong);
}

const ALBUM_LEVEL = new Set<TagField>(['artist', 'album', 'album_artist']);

/** The highest song id (0 with no songs): where a walk over the library by id ranges ends. */
export async function lastSongId(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number | null }>`select max(id) as n from songs`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * distinctTagValues over the visible songs with ids in (afterId, throughId] only: one primary-key
 * range, so a caller can walk a huge library a slice at a time. Unordered; with the album artist,
 * from one row per album (the album artist falls back to the artist, which no index orders).
 */
export async function distinctTagValuesInIds(db: Db, fields: readonly TagField[], afterId: number, throughId: number): Promise<Array<Array<string | number | null>>> {
  const range = sql`s.missing_since is null and s.id > ${afterId} and s.id <= ${throughId}`;
  if (fields.includes('album_artist') && fields.every((field) => ALBUM_LEVEL.has(field))) {
    const { rows } = await sql<{ artist: string; album: string; album_artist: string | null }>`
      select min(s.artist) as artist, min(s.album) as album, min(nullif(s.album_artist, '')) as album_artist
      from songs s where ${range}
      group by ${caseless(db, sql.ref('s.artist'))}, ${caseless(db, sql.ref('s.album'))}`.execute(db);
    const unique = new Map<string, string[]>();
    for (const row of rows) {
      const values = fields.map((field) => (field === 'album_artist' ? (row.album_artist ?? row.artist) : row[field as 'artist' | 'album']));
      const key = values.map((value) => value.toLowerCase()).join('\0');
      if (!unique.has(key)) unique.set(key, values);
    }
    return [...unique.values()];
  }
  const columns = sql.join(fields.map((field, i) => sql`${TAG_SQL[field]} as ${sql.ref(`v${i}`)}`));
  const { rows } = await sql<Record<string, string | number | null>>`select distinct ${columns} from songs s where ${range}`.execute(db);
  return rows.map((row) => fields.map((_, i) => row[`v${i}`] ?? null));
}

/** Totals for `stats`: songs, their length, the last addition, artists and (artist, album) pairs. */
export async function libraryTotals(db: Db): Promise<LibraryTotals> {
  const one = async <T>(query: RawBuilder<T>): Promise<T | undefined> => (await query.execute(db)).rows[0];
  const songs = await one(sql<{ n: number }>`select count(*) as n from songs where missing_since is null`);
  const duration = await one(sql<{ n: number | null }>`select sum(duration_ms) as n from songs where missing_since is null`);
  const last = await one(sql<{ at: string | null }>`select max(added_at) as at from songs where missing_since is null`);
  const artists = await one(sql<{ n: number }>`select count(*) as n from (
    select 1 from songs where missing_since is null group by ${caseless(db, sql.ref('artist'))}) a`);
  const albums = await one(sql<{ n: number }>`select count(*) as n from (
    select 1 from songs where missing_since is null group by ${caseless(db, sql.ref('artist'))}, ${caseless(db, sql.ref('album'))}) a`);
  return { songs: songs?.n ?? 0, artists: artists?.n ?? 0, albums: albums?.n ?? 0, duration_ms: duration?.n ?? 0, last_added_at: last?.at ?? null };
}

/**
 * What lies directly in the folder `prefix` (ending in `separator`): the subfolders its songs' paths
 * pass through, and its own songs (past `maxSongs` of them: 'too many').
 */
export async function folderContents(db: Db, prefix: string, separator: string, maxSongs: number): Promise<FolderContents | 'too many'> {
  // One index seek per entry of this folder (not a read of every path below it: ~8.6 s for a library
  // folder over 1M songs).
  const { folderPaths, songPaths } = await folderChildren(db, prefix, separator);
  if (songPaths.length > maxSongs) return 'too many';
  const byPath = await songsByPaths(db, songPaths);
  return { folders: folderPaths, songs: songPaths.flatMap((path) => byPath.get(path) ?? []) };
}

/** A slice of folderContents: at most `limit` entries from `from` (see folderChildrenSlice), and where the next starts. */
export async function folderContentsSlice(db: Db, prefix: string, separator: string, from: string | undefined, limit: number): Promise<FolderContents & { next: string | undefined }> {
  const { folderPaths, songPaths, next } = await folderChildrenSlice(db, prefix, separator, from, limit);
  const byPath = await songsByPaths(db, songPaths);
  return { folders: folderPaths, songs: songPaths.flatMap((path) => byPath.get(path) ?? []), next };
}
