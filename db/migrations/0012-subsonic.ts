import { type Kysely } from 'kysely';

/**
 * Issue 14 (the Subsonic API): app keys, stars of albums and artists (songs' stars are the likes
 * table), each user's saved play queue, and what is playing now.
 *
 * An app key is kept twice: its SHA-256 (found by the OpenSubsonic `apiKey` parameter in one index
 * lookup) and AES-GCM encrypted under the server key file, because Subsonic's token auth sends
 * md5(key + salt) and the server must know the key to check it.
 */
// Frozen once landed: later schema changes get a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_keys')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_sealed', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('app_keys_user_name').on('app_keys').columns(['user_id', 'name_key']).unique().execute();

  for (const [table, column, target] of [
    ['album_stars', 'album_id', 'albums.id'],
    ['artist_stars', 'artist_id', 'artists.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn(column, 'integer', (c) => c.notNull().references(target).onDelete('cascade'))
      .addColumn('starred_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['user_id', column])
      .execute();
  }

  await db.schema
    .createTable('play_queues')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    /** A JSON array of song ids, in order. */
    .addColumn('song_ids', 'text', (c) => c.notNull())
    .addColumn('current_song_id', 'integer')
    .addColumn('position_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('now_playing')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('song_id', 'integer', (c) => c.notNull().references('songs.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('now_playing_pk', ['user_id', 'client'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['now_playing', 'play_queues', 'artist_stars', 'album_stars', 'app_keys']) {
    await db.schema.dropTable(table).execute();
  }
}
