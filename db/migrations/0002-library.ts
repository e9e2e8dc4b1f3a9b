import { sql, type Kysely } from 'kysely';

// Frozen once landed: later schema changes get a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('library_roots')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('songs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('artist', 'text', (c) => c.notNull())
    .addColumn('album', 'text', (c) => c.notNull())
    .addColumn('album_artist', 'text')
    .addColumn('genre', 'text')
    .addColumn('year', 'integer')
    .addColumn('track_no', 'integer')
    .addColumn('disc_no', 'integer')
    .addColumn('duration_ms', 'integer')
    .addColumn('codec', 'text')
    .addColumn('bitrate', 'integer')
    .addColumn('sample_rate', 'integer')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mtime_ms', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('missing_since', 'text')
    .execute();

  // The catalogue's default order (artist, album, disc, track), case-insensitive, skipping missing songs.
  await sql`create index songs_catalog_order on songs (
    artist collate nocase, album collate nocase, disc_no, track_no, title collate nocase, id
  ) where missing_since is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('songs').execute();
  await db.schema.dropTable('library_roots').execute();
}
