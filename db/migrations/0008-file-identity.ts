import { sql, type Kysely } from 'kysely';

/**
 * Which real file a song is: the device and inode its path led to when last scanned. A file reached
 * through several paths (symlinks, hard links, bind mounts, a folder under two roots) is one song;
 * the scanner groups paths by these. Existing songs get them at their next scan (null until then).
 * Device numbers can change when a disk is mounted again, so they identify a file within a scan and
 * tell a mounted disk from an empty mount point; a song is still found by its path first. (Folder
 * listings need no index of their own: they walk the unique index on path; a second index on path
 * cost the first scan a fifth of its writes.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('songs').addColumn('dev', 'integer').execute();
  await db.schema.alterTable('songs').addColumn('ino', 'integer').execute();
  // A folder added beside the library folders is checked for files the library holds elsewhere.
  await db.schema.createIndex('songs_file').on('songs').columns(['dev', 'ino']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index songs_file`.execute(db);
  await db.schema.alterTable('songs').dropColumn('ino').execute();
  await db.schema.alterTable('songs').dropColumn('dev').execute();
}
