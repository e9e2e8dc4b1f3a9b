import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { sqliteImmediate } from '../dialect/sqlite-transaction.js';
import type { Database } from '../schema.js';

/** A song as grouping sees it. */
export interface GroupingRow {
  id: number;
  path: string;
  artist: string;
  album: string;
  /** The album-artist tag. */
  album_artist: string | null;
  compilation_tag: number;
  album_folder: string;
  album_id: number | null;
  artist_id: number | null;
  album_artist_name: string | null;
  album_order: string | null;
}

export interface AlbumAssignment {
  id: number;
  album_id: number;
  artist_id: number;
  album_artist_name: string;
  album_order: string;
}

export interface SongPlacement {
  id: number;
  album_folder: string;
  file_order: string;
}

export interface NewCover {
  hash: string;
  mime: string;
  byte_size: number;
}

export interface FolderCoverRow {
  folder: string;
  file_name: string;
  size: number;
  mtime_ms: number;
  cover_id: number;
}

export interface AlbumCoverCandidates {
  album_id: number;
  /** Cover ids embedded in its songs, in album order. */
  embedded: number[];
  /** Paths of its visible songs. */
  paths: string[];
}

/**
 * Writes albums, artists and covers for the scanner (like the song writer: on SQLite prepared
 * statements on the raw handle, no per-query compile). Rules live in src/services/library; this only
 * stores what they decide.
 */
export interface AlbumWriter {
  /** Runs `work` in one write transaction (BEGIN IMMEDIATE on SQLite); nothing else of this process's store runs meanwhile. */
  inTransaction<T>(work: () => Promise<T>): Promise<T>;
  songsInFolders(folders: readonly string[]): Promise<GroupingRow[]>;
  /** Songs no grouping has placed yet (inserted by something other than the scanner, or before 0007). */
  ungrouped(): Promise<Array<{ id: number; path: string; album_folder: string | null }>>;
  place(placements: readonly SongPlacement[]): Promise<void>;
  /** The artist with this folded name (made when missing), with the name it is listed by. */
  artist(name: string, nameKey: string, now: string): Promise<{ id: number; name: string }>;
  album(title: string, titleKey: string, artistId: number, compilation: boolean, now: string): Promise<{ id: number; title: string }>;
  assign(assignments: readonly AlbumAssignment[]): Promise<void>;
  coverCandidates(albumIds: readonly number[]): Promise<AlbumCoverCandidates[]>;
  setAlbumCover(albumId: number, coverId: number | null): Promise<void>;
  coverId(cover: NewCover, now: string): Promise<number>;
  folderCovers(): Promise<FolderCoverRow[]>;
  saveFolderCover(row: FolderCoverRow): Promise<void>;
  dropFolderCover(folder: string): Promise<void>;
  /** Recounts the albums (and their artists) whose songs changed since the last refresh. */
  refreshChanged(): Promise<void>;
  /** The highest album and artist ids so far. */
  lastIds(): Promise<{ album: number; artist: number }>;
  /**
   * Deletes albums and artists made after `since` that no song points at (a scan's guesses it
   * corrected before anything could refer to them).
   */
  dropUnusedSince(since: { album: number; artist: number }): Promise<void>;
}

const CHUNK = 5000;

export function createSqliteAlbumWriter(sqlite: BetterSqlite3.Database, db: Kysely<Database>): AlbumWriter {
  const inFolders = sqlite.prepare(`select s.id, s.path, s.artist, s.album, s.album_artist, s.compilation_tag, s.album_folder,
      s.album_id, s.artist_id, s.album_artist_name, s.album_order
    from json_each(?) f join songs s indexed by songs_by_album_folder on s.album_folder = f.value`);
  const ungrouped = sqlite.prepare('select id, path, album_folder from songs indexed by songs_ungrouped where album_id is null');
  const place = sqlite.prepare(`update songs set album_folder = j.value ->> '$.album_folder', file_order = j.value ->> '$.file_order'
    from json_each(?) j where songs.id = j.value ->> '$.id'`);
  // One statement that makes the row or finds it: a no-op update on conflict lets RETURNING answer both ways.
  const ensureArtist = sqlite.prepare(`insert into artists (name, name_key, created_at) values (?, ?, ?)
    on conflict (name_key) do update set name_key = excluded.name_key returning id, name`);
  const ensureAlbum = sqlite.prepare(`insert into albums (title, title_key, artist_id, compilation, created_at) values (?, ?, ?, ?, ?)
    on conflict (title_key, artist_id) do update set title_key = excluded.title_key returning id, title`);
  const assign = sqlite.prepare(`update songs set album_id = j.value ->> '$.album_id', artist_id = j.value ->> '$.artist_id',
      album_artist_name = j.value ->> '$.album_artist_name', album_order = j.value ->> '$.album_order'
    from json_each(?) j where songs.id = j.value ->> '$.id'`);
  const embedded = sqlite.prepare(`select s.album_id, s.cover_id from json_each(?) a
    join songs s indexed by songs_in_album on s.album_id = a.value and s.missing_since is null
    where s.cover_id is not null order by s.album_id, s.disc_no, s.track_no, s.file_order, s.id`);
  const folders = sqlite.prepare(`select distinct s.album_id, s.path from json_each(?) a
    join songs s indexed by songs_in_album on s.album_id = a.value and s.missing_since is null`);
  const setCover = sqlite.prepare('update albums set cover_id = ? where id = ? and cover_id is not ?');
  const insertCover = sqlite.prepare(`insert into covers (hash, mime, byte_size, created_at) values (@hash, @mime, @byte_size, @now)
    on conflict (hash) do nothing`);
  const findCover = sqlite.prepare('select id from covers where hash = ?').pluck();
  const folderCovers = sqlite.prepare('select folder, file_name, size, mtime_ms, cover_id from folder_covers');
  const saveFolderCover = sqlite.prepare(`insert into folder_covers (folder, file_name, size, mtime_ms, cover_id)
    values (@folder, @file_name, @size, @mtime_ms, @cover_id)
    on conflict (folder) do update set file_name = excluded.file_name, size = excluded.size, mtime_ms = excluded.mtime_ms, cover_id = excluded.cover_id`);
  const dropFolderCover = sqlite.prepare('delete from folder_covers where folder = ?');
  const refreshAlbums = sqlite.prepare(`update albums set (song_count, duration_ms, year, added_at) = (
      select count(*), coalesce(sum(s.duration_ms), 0), max(s.year), min(s.added_at)
      from songs s indexed by songs_in_album where s.album_id = albums.id and s.missing_since is null)
    where id in (select album_id from albums_dirty)`);
  const refreshArtists = sqlite.prepare(`update artists set (album_count, song_count) = (
      select count(*) filter (where a.song_count > 0), coalesce(sum(a.song_count), 0) from albums a where a.artist_id = artists.id)
    where id in (select artist_id from albums where id in (select album_id from albums_dirty))`);
  const clearDirty = sqlite.prepare('delete from albums_dirty');
  const anyDirty = sqlite.prepare('select 1 from albums_dirty limit 1').pluck();

  const lastIds = sqlite.prepare('select (select coalesce(max(id), 0) from albums) as album, (select coalesce(max(id), 0) from artists) as artist');
  // Visible songs through their (partial) indexes, missing ones through songs_missing: both, so a
  // delete never breaks a foreign key.
  const dropAlbums = sqlite.prepare(`delete from albums where id > ?
    and not exists (select 1 from songs s indexed by songs_in_album where s.album_id = albums.id and s.missing_since is null)
    and not exists (select 1 from songs s indexed by songs_missing where s.missing_since is not null and s.album_id = albums.id)`);
  const dropArtists = sqlite.prepare(`delete from artists where id > ?
    and not exists (select 1 from albums a indexed by albums_by_artist where a.artist_id = artists.id)
    and not exists (select 1 from songs s indexed by songs_by_artist_id where s.artist_id = artists.id and s.missing_since is null)
    and not exists (select 1 from songs s indexed by songs_missing where s.missing_since is not null and s.artist_id = artists.id)`);

  const inChunks = <T>(items: readonly T[], run: (json: string) => void) => {
    for (let i = 0; i < items.length; i += CHUNK) run(JSON.stringify(items.slice(i, i + CHUNK)));
  };

  return {
    inTransaction: (work) => sqliteImmediate(sqlite, db, work),
    async songsInFolders(list) {
      const rows: GroupingRow[] = [];
      inChunks(list, (json) => rows.push(...(inFolders.all(json) as GroupingRow[])));
      return rows;
    },
    ungrouped: async () => ungrouped.all() as Array<{ id: number; path: string; album_folder: string | null }>,
    place: async (placements) => inChunks(placements, (json) => place.run(json)),
    artist: async (name, nameKey, now) => ensureArtist.get(name, nameKey, now) as { id: number; name: string },
    album: async (title, titleKey, artistId, compilation, now) =>
      ensureAlbum.get(title, titleKey, artistId, compilation ? 1 : 0, now) as { id: number; title: string },
    assign: async (assignments) => inChunks(assignments, (json) => assign.run(json)),
    async coverCandidates(albumIds) {
      const byAlbum = new Map<number, AlbumCoverCandidates>();
      const entry = (id: number) => {
        let found = byAlbum.get(id);
        if (!found) byAlbum.set(id, (found = { album_id: id, embedded: [], paths: [] }));
        return found;
      };
      inChunks(albumIds, (json) => {
        for (const row of embedded.all(json) as Array<{ album_id: number; cover_id: number }>) entry(row.album_id).embedded.push(row.cover_id);
        for (const row of folders.all(json) as Array<{ album_id: number; path: string }>) entry(row.album_id).paths.push(row.path);
      });
      return albumIds.map((id) => entry(id));
    },
    setAlbumCover: async (albumId, coverId) => void setCover.run(coverId, albumId, coverId),
    async coverId(cover, now) {
      insertCover.run({ ...cover, now });
      return findCover.get(cover.hash) as number;
    },
    folderCovers: async () => folderCovers.all() as FolderCoverRow[],
    saveFolderCover: async (row) => void saveFolderCover.run(row),
    dropFolderCover: async (folder) => void dropFolderCover.run(folder),
    async refreshChanged() {
      if (anyDirty.get() === undefined) return;
      refreshAlbums.run();
      refreshArtists.run();
      clearDirty.run();
    },
    lastIds: async () => lastIds.get() as { album: number; artist: number },
    async dropUnusedSince(since) {
      dropAlbums.run(since.album);
      dropArtists.run(since.artist);
    },
  };
}
