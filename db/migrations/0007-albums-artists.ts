import { sql, type Kysely } from 'kysely';
import { groupExistingSongs } from './0007-group-existing-songs.js';

/**
 * Albums and artists as entities with stable ids, and covers stored once per distinct image.
 * - artists: album artists and track artists, one row per folded name ("Sigur Rós" = "SIGUR ROS").
 * - albums: a title plus its album artist; song_count, duration_ms, year and added_at are kept from
 *   the album's visible songs (albums_dirty queues the albums whose songs changed; the writer
 *   refreshes them). Rows are never deleted: an album without visible songs is not listed, and keeps
 *   its id should its songs come back.
 * - covers: one row per distinct image (SHA-256 of its bytes). The bytes stay where they were found
 *   (embedded in the songs whose cover_id names it, or a folder image in folder_covers), reachable
 *   like the audio itself; resized copies are cached on disk by whoever serves them.
 * - songs gain their album and track-artist ids, the album artist and order key as the album has
 *   them (kept in step by the writer), the compilation flag, their album folder and in-album order,
 *   their own embedded picture, and scan_version: songs read by an older scanner are read again at
 *   the next scan (existing songs: to find their pictures and compilation flags).
 * Frozen once landed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table artists (
    id integer primary key autoincrement,
    name text not null,
    name_key text not null unique,
    album_count integer not null default 0,
    song_count integer not null default 0,
    created_at text not null
  )`.execute(db);
  await sql`create table covers (
    id integer primary key autoincrement,
    hash text not null unique,
    mime text not null,
    byte_size integer not null,
    created_at text not null
  )`.execute(db);
  await sql`create table albums (
    id integer primary key autoincrement,
    title text not null,
    title_key text not null,
    artist_id integer not null references artists (id),
    compilation integer not null default 0,
    cover_id integer references covers (id),
    song_count integer not null default 0,
    duration_ms integer not null default 0,
    year integer,
    added_at text,
    created_at text not null,
    unique (title_key, artist_id)
  )`.execute(db);
  await sql`create index albums_by_artist on albums (artist_id)`.execute(db);
  await sql`create index albums_listed_by_title on albums (title_key, id) where song_count > 0`.execute(db);
  await sql`create index albums_listed_by_year on albums (year is null, year, title_key, id) where song_count > 0`.execute(db);
  await sql`create index albums_listed_by_added on albums (added_at, id) where song_count > 0`.execute(db);
  await sql`create table folder_covers (
    folder text primary key,
    file_name text not null,
    size integer not null,
    mtime_ms integer not null,
    cover_id integer not null references covers (id)
  )`.execute(db);
  await sql`create table albums_dirty (album_id integer primary key)`.execute(db);

  for (const column of [
    'album_id integer references albums (id)',
    'artist_id integer references artists (id)',
    'album_artist_name text',
    'album_order text',
    'album_folder text',
    'file_order text',
    'compilation_tag integer not null default 0',
    'cover_id integer references covers (id)',
    'scan_version integer not null default 0',
  ]) {
    await sql`alter table songs add column ${sql.raw(column)}`.execute(db);
  }

  // The catalogue's default order is now album artist / album / disc / track / file name.
  await sql`drop index songs_catalog_order`.execute(db);
  await sql`create index songs_album_order on songs (album_order, disc_no, track_no, file_order, id)
    where missing_since is null`.execute(db);
  await sql`create index songs_in_album on songs (album_id, disc_no, track_no, file_order, id)
    where missing_since is null`.execute(db);
  await sql`create index songs_by_artist_id on songs (artist_id, album_id) where missing_since is null`.execute(db);
  await sql`create index songs_by_album_folder on songs (album_folder)`.execute(db);
  await sql`create index songs_by_cover on songs (cover_id) where cover_id is not null`.execute(db);
  await sql`create index songs_ungrouped on songs (id) where album_id is null`.execute(db);

  // No OR IGNORE here: an UPSERT that fires a trigger imposes its own conflict handling on the trigger's statements.
  const queue = (album: string) => sql.raw(`insert into albums_dirty (album_id) select ${album}
    where ${album} is not null and not exists (select 1 from albums_dirty where album_id = ${album});`);
  await sql`create trigger songs_album_dirty_insert after insert on songs begin ${queue('new.album_id')} end`.execute(db);
  await sql`create trigger songs_album_dirty_update after update of album_id, missing_since, duration_ms, year on songs begin
    ${queue('old.album_id')} ${queue('new.album_id')}
  end`.execute(db);
  await sql`create trigger songs_album_dirty_delete after delete on songs begin ${queue('old.album_id')} end`.execute(db);

  await groupExistingSongs(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['songs_album_dirty_insert', 'songs_album_dirty_update', 'songs_album_dirty_delete']) {
    await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
  }
  for (const index of ['songs_album_order', 'songs_in_album', 'songs_by_artist_id', 'songs_by_album_folder', 'songs_by_cover', 'songs_ungrouped']) {
    await sql`drop index ${sql.raw(index)}`.execute(db);
  }
  for (const column of ['album_id', 'artist_id', 'album_artist_name', 'album_order', 'album_folder', 'file_order', 'compilation_tag', 'cover_id', 'scan_version']) {
    await sql`alter table songs drop column ${sql.raw(column)}`.execute(db);
  }
  await sql`create index songs_catalog_order on songs (
    artist collate nocase, album collate nocase, disc_no, track_no, title collate nocase, id
  ) where missing_since is null`.execute(db);
  for (const table of ['albums_dirty', 'folder_covers', 'albums', 'covers', 'artists']) await sql`drop table ${sql.raw(table)}`.execute(db);
}
