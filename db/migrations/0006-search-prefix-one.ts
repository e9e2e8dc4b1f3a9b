import { sql, type Kysely } from 'kysely';

/**
 * Adds a one-character prefix index to songs_fts (0003 had '2 3 4'). Without it a one-letter word
 * (what a search-as-you-type box sends first) makes FTS5 merge the doclists of every term starting
 * with that letter before it can return a row: ~70 ms at 1M songs, against well under 1 ms with it,
 * for ~5% more index. FTS5 cannot change prefix indexes in place, so the table is rebuilt.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop table songs_fts`.execute(db);
  await sql`create virtual table songs_fts using fts5(
    title, artist, album, album_artist, genre,
    content = 'songs_visible', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4'
  )`.execute(db);
  // The 0003 triggers name the table, so they keep working on the new one.
  await sql`insert into songs_fts (songs_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table songs_fts`.execute(db);
  await sql`create virtual table songs_fts using fts5(
    title, artist, album, album_artist, genre,
    content = 'songs_visible', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
  )`.execute(db);
  await sql`insert into songs_fts (songs_fts) values ('rebuild')`.execute(db);
}
