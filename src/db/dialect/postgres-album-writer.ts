import { sql, type Kysely } from 'kysely';
import type { AlbumCoverCandidates, AlbumWriter, FolderCoverRow, GroupingRow } from '../repositories/album-writes.js';
import type { Database } from '../schema.js';

/** Where the writer's statements go: the store's pool, or the transaction `inTransaction` opened. */
export interface WriterHandle {
  current(): Kysely<Database>;
  inTransaction<T>(work: () => Promise<T>): Promise<T>;
}

/** The album writer on PostgreSQL: the SQLite writer's statements, rows passed as arrays or jsonb. */
export function createPostgresAlbumWriter(handle: WriterHandle): AlbumWriter {
  const rows = async <T>(query: ReturnType<typeof sql>) => (await query.execute(handle.current())).rows as T[];
  const run = async (query: ReturnType<typeof sql>) => void (await query.execute(handle.current()));
  const json = (items: readonly unknown[]) => JSON.stringify(items);
  return {
    inTransaction: (work) => handle.inTransaction(work),
    songsInFolders: (folders) =>
      rows<GroupingRow>(sql`select s.id, s.path, s.artist, s.album, s.album_artist, s.compilation_tag, s.album_folder,
          s.album_id, s.artist_id, s.album_artist_name, s.album_order
        from unnest(${[...folders]}::text[]) f(folder) join songs s on s.album_folder = f.folder`),
    ungrouped: () => rows(sql`select id, path, album_folder from songs where album_id is null`),
    async place(placements) {
      if (placements.length === 0) return;
      await run(sql`update songs set album_folder = j.album_folder, file_order = j.file_order
        from jsonb_to_recordset(${json(placements)}::jsonb) j(id integer, album_folder text, file_order text) where songs.id = j.id`);
    },
    async artist(name, nameKey, now) {
      const [row] = await rows<{ id: number; name: string }>(sql`insert into artists (name, name_key, created_at) values (${name}, ${nameKey}, ${now})
        on conflict (name_key) do update set name_key = excluded.name_key returning id, name`);
      return row!;
    },
    async album(title, titleKey, artistId, compilation, now) {
      const [row] = await rows<{ id: number; title: string }>(sql`insert into albums (title, title_key, artist_id, compilation, created_at)
        values (${title}, ${titleKey}, ${artistId}, ${compilation ? 1 : 0}, ${now})
        on conflict (title_key, artist_id) do update set title_key = excluded.title_key returning id, title`);
      return row!;
    },
    async assign(assignments) {
      if (assignments.length === 0) return;
      await run(sql`update songs set album_id = j.album_id, artist_id = j.artist_id, album_artist_name = j.album_artist_name, album_order = j.album_order
        from jsonb_to_recordset(${json(assignments)}::jsonb) j(id integer, album_id integer, artist_id integer, album_artist_name text, album_order text)
        where songs.id = j.id`);
    },
    async coverCandidates(albumIds) {
      const byAlbum = new Map<number, AlbumCoverCandidates>(albumIds.map((id) => [id, { album_id: id, embedded: [], paths: [] }]));
      const ids = [...albumIds];
      for (const row of await rows<{ album_id: number; cover_id: number }>(sql`select s.album_id, s.cover_id from songs s
          where s.album_id = any(${ids}::integer[]) and s.missing_since is null and s.cover_id is not null
          order by s.album_id, s.disc_no nulls first, s.track_no nulls first, s.file_order nulls first, s.id`)) {
        byAlbum.get(row.album_id)?.embedded.push(row.cover_id);
      }
      for (const row of await rows<{ album_id: number; path: string }>(sql`select distinct s.album_id, s.path from songs s
          where s.album_id = any(${ids}::integer[]) and s.missing_since is null`)) {
        byAlbum.get(row.album_id)?.paths.push(row.path);
      }
      return albumIds.map((id) => byAlbum.get(id)!);
    },
    setAlbumCover: (albumId, coverId) =>
      run(sql`update albums set cover_id = ${coverId}::integer where id = ${albumId} and cover_id is distinct from ${coverId}::integer`),
    async coverId(cover, now) {
      await run(sql`insert into covers (hash, mime, byte_size, created_at) values (${cover.hash}, ${cover.mime}, ${cover.byte_size}, ${now})
        on conflict (hash) do nothing`);
      const [row] = await rows<{ id: number }>(sql`select id from covers where hash = ${cover.hash}`);
      return row!.id;
    },
    folderCovers: () => rows<FolderCoverRow>(sql`select folder, file_name, size, mtime_ms, cover_id from folder_covers`),
    saveFolderCover: (row) =>
      run(sql`insert into folder_covers (folder, file_name, size, mtime_ms, cover_id)
        values (${row.folder}, ${row.file_name}, ${row.size}, ${row.mtime_ms}, ${row.cover_id})
        on conflict (folder) do update set file_name = excluded.file_name, size = excluded.size, mtime_ms = excluded.mtime_ms, cover_id = excluded.cover_id`),
    dropFolderCover: (folder) => run(sql`delete from folder_covers where folder = ${folder}`),
    async refreshChanged() {
      const dirty = await rows(sql`select 1 from albums_dirty limit 1`);
      if (dirty.length === 0) return;
      await run(sql`update albums set (song_count, duration_ms, year, added_at) = (
          select count(*), coalesce(sum(s.duration_ms), 0), max(s.year), min(s.added_at)
          from songs s where s.album_id = albums.id and s.missing_since is null)
        where id in (select album_id from albums_dirty)`);
      await run(sql`update artists set (album_count, song_count) = (
          select count(*) filter (where a.song_count > 0), coalesce(sum(a.song_count), 0) from albums a where a.artist_id = artists.id)
        where id in (select artist_id from albums where id in (select album_id from albums_dirty))`);
      await run(sql`delete from albums_dirty`);
    },
    async lastIds() {
      const [row] = await rows<{ album: number; artist: number }>(sql`select
        (select coalesce(max(id), 0) from albums) as album, (select coalesce(max(id), 0) from artists) as artist`);
      return row!;
    },
    async dropUnusedSince(since) {
      await run(sql`delete from albums where id > ${since.album} and not exists (select 1 from songs s where s.album_id = albums.id)`);
      await run(sql`delete from artists where id > ${since.artist}
        and not exists (select 1 from albums a where a.artist_id = artists.id)
        and not exists (select 1 from songs s where s.artist_id = artists.id)`);
    },
  };
}
