import { sql, type Kysely, type Transaction } from 'kysely';
import type { Song } from '../../domain/song.js';
import type { Database } from '../schema.js';
import { songRowToSong } from './song-row.js';
import { prefixUpperBound } from './path-range.js';
import { bytewise, charOf, position } from '../dialect/sql-fragments.js';
import { indexedBy } from '../dialect/search-sql.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface FolderChildRow {
  /** The folder's path, without a trailing separator. */
  path: string;
  /** Visible songs anywhere under it. */
  song_count: number;
}

/**
 * What lies directly in the folder `prefix` (ending in a separator), as the visible songs' paths lay
 * it out: its subfolders (with how many songs each holds) and its songs. Folders exist here only as
 * parts of song paths, so a folder with no songs under it is not listed.
 *
 * The paths are walked in order one entry at a time: after a song comes the next path; after the first
 * path into a subfolder comes the first path past that subfolder ('/' + 1 is '0'), so a listing costs
 * one index seek per entry, not one per song below it.
 */
export async function listFolder(db: Db, prefix: string, separator: string): Promise<{ folders: FolderChildRow[]; songs: Song[] }> {
  const { folderPaths, songPaths } = await folderChildren(db, prefix, separator);
  const folders: FolderChildRow[] = [];
  for (const path of folderPaths) folders.push({ path, song_count: await countSongsUnder(db, path + separator) });
  const songs = songPaths.length === 0 ? [] : (await db.selectFrom('songs').selectAll().where('path', 'in', songPaths).execute()).map(songRowToSong);
  return { folders, songs };
}

/**
 * The paths directly in the folder `prefix` (ending in a separator): its subfolders and its songs'
 * paths, walked as listFolder says (one index seek per entry). For callers that need no counts
 * (the MPD bridge's lsinfo).
 */
export async function folderChildren(db: Db, prefix: string, separator: string): Promise<{ folderPaths: string[]; songPaths: string[] }> {
  const folderPaths: string[] = [];
  const songPaths: string[] = [];
  for (let from: string | undefined; ; ) {
    const slice = await folderChildrenSlice(db, prefix, separator, from, Number.MAX_SAFE_INTEGER);
    folderPaths.push(...slice.folderPaths);
    songPaths.push(...slice.songPaths);
    if (slice.next === undefined) return { folderPaths, songPaths };
    from = slice.next;
  }
}

export interface FolderSlice {
  folderPaths: string[];
  songPaths: string[];
  /** Where the next slice starts (pass it as `from`); undefined: the folder is done. */
  next: string | undefined;
}

/**
 * At most `limit` entries of the folder `prefix`, from the first path at or after `from` (undefined:
 * the start), walked as folderChildren is: a folder of 100,000 subfolders read a slice at a time, so
 * a caller can let others run between slices.
 */
export async function folderChildrenSlice(db: Db, prefix: string, separator: string, from: string | undefined, limit: number): Promise<FolderSlice> {
  const upper = prefixUpperBound(prefix);
  const start = prefix.length + 1; // substr counts from 1 on both
  const past = String.fromCharCode(separator.charCodeAt(0) + 1);
  // The smallest path after a song's: paths hold no NUL, so nothing sorts between P and P || char(1).
  const after = String.fromCharCode(1);
  const path = bytewise(db, sql.ref('path'));
  const songPath = bytewise(db, sql.ref('s.path'));
  const cut = position(db, sql`substr(entry.path, ${start})`, separator);
  const { rows } = await sql<{ path: string }>`
    with recursive entry(path) as (
      select (select path from songs
              where missing_since is null and ${path} >= ${from ?? prefix + after} and ${path} < ${upper} order by ${path} limit 1)
      union all
      select (select s.path from songs s
              where s.missing_since is null and ${songPath} < ${upper} and ${songPath} >= (
                case when ${cut} > 0
                  then substr(entry.path, 1, ${prefix.length} + ${cut} - 1) || ${past}
                  else entry.path || ${charOf(db, 1)} end)
              order by ${songPath} limit 1)
      from entry where entry.path is not null
    )
    select path from entry where path is not null limit ${Math.min(limit, 2 ** 31 - 1)}`.execute(db);

  const folderPaths: string[] = [];
  const songPaths: string[] = [];
  let next: string | undefined;
  for (const { path } of rows) {
    const rest = path.slice(prefix.length);
    const cut = rest.indexOf(separator);
    if (cut < 0) {
      songPaths.push(path);
      next = path + after;
    } else {
      folderPaths.push(prefix + rest.slice(0, cut));
      next = prefix + rest.slice(0, cut) + past;
    }
  }
  return { folderPaths, songPaths, next: rows.length < limit ? undefined : next };
}

/**
 * Visible songs whose path starts with `prefix` (a folder path ending in a separator): every song in
 * the range (the path index alone) less the missing ones (few, through their own index).
 */
export async function countSongsUnder(db: Db, prefix: string): Promise<number> {
  const upper = prefixUpperBound(prefix);
  const path = bytewise(db, sql.ref('path'));
  const { rows } = await sql<{ n: number }>`
    select (select count(*) from songs where ${path} >= ${prefix} and ${path} < ${upper})
      - (select count(*) from songs ${indexedBy(db, 'songs_missing')} where missing_since is not null and ${path} >= ${prefix} and ${path} < ${upper}) as n`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Visible songs under `prefix`, in path order (the order the disk lays them out, byte-wise). */
export async function songsUnder(db: Db, prefix: string): Promise<Song[]> {
  const rows = await db
    .selectFrom('songs')
    .selectAll()
    .where('missing_since', 'is', null)
    .where(bytewise(db, sql.ref('path')), '>=', prefix)
    .where(bytewise(db, sql.ref('path')), '<', prefixUpperBound(prefix))
    .orderBy(bytewise(db, sql.ref('path')))
    .execute();
  return rows.map(songRowToSong);
}

/** Whether a visible song has exactly this path. */
export async function isSongPath(db: Db, path: string): Promise<boolean> {
  return (await db.selectFrom('songs').select('id').where('path', '=', path).executeTakeFirst()) !== undefined;
}
