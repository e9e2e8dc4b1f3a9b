import { sql, type Kysely } from 'kysely';

// Frozen once landed: later schema changes get a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // name_key is the name folded for comparison (NFC, lower case). COLLATE NOCASE alone would only fold
  // ASCII, so "Été" and "été" could coexist.
  await db.schema
    .createTable('playlists')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('playlists_owner_name').on('playlists').columns(['owner_id', 'name_key']).unique().execute();

  // Not unique on (playlist_id, position): shifting a range of positions by one in a single UPDATE
  // would trip a unique index half-way. The services keep positions dense inside one transaction.
  await db.schema
    .createTable('playlist_songs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('playlist_id', 'integer', (c) => c.notNull().references('playlists.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
    .addColumn('song_id', 'integer', (c) => c.notNull().references('songs.id').onDelete('cascade'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('playlist_songs_order').on('playlist_songs').columns(['playlist_id', 'position']).execute();
  await db.schema.createIndex('playlist_songs_song').on('playlist_songs').column('song_id').execute();

  // Songs whose file went missing keep their row (missing_since); a song row that is really deleted
  // leaves every playlist it was in, and the entries after it move up so positions stay 1..n.
  await sql`create trigger songs_leave_playlists before delete on songs
    begin
      update playlist_songs set position = position - (
        select count(*) from playlist_songs gone
        where gone.playlist_id = playlist_songs.playlist_id and gone.song_id = old.id
          and gone.position < playlist_songs.position
      )
      where song_id <> old.id
        and playlist_id in (select playlist_id from playlist_songs where song_id = old.id);
      delete from playlist_songs where song_id = old.id;
    end`.execute(db);

  await db.schema
    .createTable('likes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('song_id', 'integer', (c) => c.notNull().references('songs.id').onDelete('cascade'))
    .addColumn('liked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('likes_user_song', ['user_id', 'song_id'])
    .execute();
  // Newest first; id breaks ties between likes made in the same millisecond.
  await db.schema.createIndex('likes_user_recent').on('likes').columns(['user_id', 'liked_at desc', 'id desc']).execute();
  await db.schema.createIndex('likes_song').on('likes').column('song_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('likes').execute();
  await sql`drop trigger if exists songs_leave_playlists`.execute(db);
  await db.schema.dropTable('playlist_songs').execute();
  await db.schema.dropTable('playlists').execute();
}
