import { sql, type Kysely } from 'kysely';

/**
 * Issue 12: when each user was last seen, the server's secrets (the stream-link signing key lives in
 * the database, so it survives restarts and every server on one database shares it), and the
 * ReplayGain values the scan reads from tags.
 *
 * Last seen follows the sessions table by triggers: whatever code creates or renews a session (CLI,
 * UI, HTTP), the user's `last_seen_at` moves with it, without every caller remembering to.
 */
// Frozen once landed: later schema changes get a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_seen_at', 'text').execute();
  await sql`update users set last_seen_at = (select max(last_used_at) from sessions where sessions.user_id = users.id)`.execute(db);
  await sql`create trigger sessions_seen_insert after insert on sessions begin
    update users set last_seen_at = new.last_used_at
    where id = new.user_id and (last_seen_at is null or last_seen_at < new.last_used_at);
  end`.execute(db);
  await sql`create trigger sessions_seen_update after update of last_used_at on sessions begin
    update users set last_seen_at = new.last_used_at
    where id = new.user_id and (last_seen_at is null or last_seen_at < new.last_used_at);
  end`.execute(db);

  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  for (const column of ['replaygain_track_gain_db', 'replaygain_track_peak', 'replaygain_album_gain_db', 'replaygain_album_peak']) {
    await db.schema.alterTable('songs').addColumn(column, 'real').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['replaygain_album_peak', 'replaygain_album_gain_db', 'replaygain_track_peak', 'replaygain_track_gain_db']) {
    await db.schema.alterTable('songs').dropColumn(column).execute();
  }
  await db.schema.dropTable('server_secrets').execute();
  await sql`drop trigger sessions_seen_update`.execute(db);
  await sql`drop trigger sessions_seen_insert`.execute(db);
  await db.schema.alterTable('users').dropColumn('last_seen_at').execute();
}
