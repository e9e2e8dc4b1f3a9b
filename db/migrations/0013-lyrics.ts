import { type Kysely } from 'kysely';

/**
 * Issue 17: lyrics, read at scan time. One row per song that has them (a table of their own, so the
 * many reads of songs rows never carry lyrics text): where they came from, their ID3 language, and
 * their text (LRC or plain; a SYLT frame is stored as LRC). `songs.lyrics_sidecar` is the size, time
 * and path of the song's `.lrc` at its last read, so a changed sidecar is read again though the audio
 * file is unchanged. Existing songs get their lyrics at the next scan (the scanner's version went up).
 */
// Frozen once landed: later schema changes get a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('song_lyrics')
    .addColumn('song_id', 'integer', (c) => c.primaryKey().references('songs.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('songs').addColumn('lyrics_sidecar', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('songs').dropColumn('lyrics_sidecar').execute();
  await db.schema.dropTable('song_lyrics').execute();
}
