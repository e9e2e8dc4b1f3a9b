import { sql, type Kysely } from 'kysely';

/**
 * Full-text search over the visible catalogue. The FTS5 table is external-content over a view of the
 * songs that are not missing, so a song marked missing leaves the index (and search) and comes back
 * when it is restored, while FTS5's own 'rebuild' and 'integrity-check' still agree with the content.
 * Triggers keep it in sync; updates that touch no indexed column (size, mtime) do not fire them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create view songs_visible as
    select id, title, artist, album, album_artist, genre from songs where missing_since is null`.execute(db);

  await sql`create virtual table songs_fts using fts5(
    title, artist, album, album_artist, genre,
    content = 'songs_visible', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
  )`.execute(db);

  await sql`create trigger songs_fts_insert after insert on songs when new.missing_since is null begin
    insert into songs_fts (rowid, title, artist, album, album_artist, genre)
    values (new.id, new.title, new.artist, new.album, new.album_artist, new.genre);
  end`.execute(db);

  await sql`create trigger songs_fts_delete after delete on songs when old.missing_since is null begin
    insert into songs_fts (songs_fts, rowid, title, artist, album, album_artist, genre)
    values ('delete', old.id, old.title, old.artist, old.album, old.album_artist, old.genre);
  end`.execute(db);

  await sql`create trigger songs_fts_update
    after update of title, artist, album, album_artist, genre, missing_since on songs begin
    insert into songs_fts (songs_fts, rowid, title, artist, album, album_artist, genre)
    select 'delete', old.id, old.title, old.artist, old.album, old.album_artist, old.genre
    where old.missing_since is null;
    insert into songs_fts (rowid, title, artist, album, album_artist, genre)
    select new.id, new.title, new.artist, new.album, new.album_artist, new.genre
    where new.missing_since is null;
  end`.execute(db);

  // Rows that were already there (none in practice, but a migration should not assume).
  await sql`insert into songs_fts (songs_fts) values ('rebuild')`.execute(db);

  // Keyset-friendly orders for the other sorts `tunes songs --sort` offers.
  await sql`create index songs_by_title on songs (title collate nocase, id) where missing_since is null`.execute(db);
  await sql`create index songs_by_album on songs (
    album collate nocase, disc_no, track_no, id) where missing_since is null`.execute(db);
  await sql`create index songs_by_year on songs (year, id) where missing_since is null`.execute(db);
  await sql`create index songs_by_added on songs (added_at, id) where missing_since is null`.execute(db);
  await sql`create index songs_by_duration on songs (duration_ms, id) where missing_since is null`.execute(db);
  // Missing songs are found and pruned by this.
  await sql`create index songs_missing on songs (missing_since) where missing_since is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['songs_by_title', 'songs_by_album', 'songs_by_year', 'songs_by_added', 'songs_by_duration', 'songs_missing']) {
    await sql`drop index ${sql.raw(index)}`.execute(db);
  }
  for (const trigger of ['songs_fts_insert', 'songs_fts_delete', 'songs_fts_update']) {
    await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
  }
  await sql`drop table songs_fts`.execute(db);
  await sql`drop view songs_visible`.execute(db);
}
