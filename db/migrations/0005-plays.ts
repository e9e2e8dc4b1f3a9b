import { sql, type Kysely } from 'kysely';

// Frozen once landed: later schema changes get a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plays')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('song_id', 'integer', (c) => c.notNull().references('songs.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ms_played', 'integer', (c) => c.notNull().check(sql`ms_played >= 0`))
    .execute();
  // History lists and stats read one user's plays by time; deleting a song finds its plays by song.
  await db.schema.createIndex('plays_user_started').on('plays').columns(['user_id', 'started_at']).execute();
  await db.schema.createIndex('plays_song').on('plays').column('song_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plays').execute();
}
